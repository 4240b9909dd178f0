// The sensitive field names (settings key sensitive_fields): records naming one are marked sensitive
// as they are imported or collected, and the record view masks these fields until revealed.
import { useState, type FormEvent } from 'react';
import { FieldErrorText, invalidProps, OtherErrors, splitList } from './field-errors';
import { SaveBar, useSave } from './save';

export function SensitiveFieldsForm({ fields, onSaved }: { fields: string[]; onSaved(): void }) {
  const [text, setText] = useState(fields.join(', '));
  const save = useSave('settings.saveSensitiveFields', onSaved);
  // An error on one name (`fields.3`) is shown on the list.
  const errors = save.errors.map((e) => (/^fields\.\d+$/.test(e.field) ? { ...e, field: 'fields' } : e));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run({ fields: splitList(text) });
  };
  return (
    <section className="panel" aria-labelledby="sensitive-title">
      <h2 id="sensitive-title">Sensitive field names</h2>
      <form onSubmit={submit} aria-labelledby="sensitive-title" noValidate>
        <p className="hint">Matched case-insensitively at any depth. New records naming one are marked sensitive; the record view masks these fields.</p>
        <label className="filter wide">
          Field names (comma-separated)
          <input value={text} onChange={(e) => setText(e.target.value)} {...invalidProps(errors, 'fields')} />
          <FieldErrorText errors={errors} field="fields" />
        </label>
        <OtherErrors errors={errors} fields={(f) => f === 'fields'} />
        <SaveBar save={save} label="Save field names" />
      </form>
    </section>
  );
}
