// The detection rules (issue 6): each rule on or off with its severity, the thresholds, the business
// hours and the lists they look for. Saved through the same writer as `auditdesk violations rules
// --set`; a refused value is shown beside its field, and every saved change is recorded in the chain.
import { useState, type FormEvent, type ReactNode } from 'react';
import { SEVERITIES, type FieldError, type RulesConfig } from '../../../shared/api/settings';
import { SaveBar, useSave } from './save';
import { FieldErrorText, invalidProps, OtherErrors, splitList, toNumber, type Errors } from './field-errors';

type Rule = 'UNAUTHORIZED_ACCESS' | 'DATA_LEAKAGE' | 'UNAUTHORIZED_EXPORT' | 'POLICY_VIOLATION' | 'PRIVILEGE_ESCALATION';

const RULES: Array<{ rule: Rule; what: string }> = [
  { rule: 'UNAUTHORIZED_ACCESS', what: 'A record says access was denied (401/403, AccessDenied, …).' },
  { rule: 'DATA_LEAKAGE', what: 'A query returns at least the threshold of records.' },
  { rule: 'UNAUTHORIZED_EXPORT', what: 'An export covers at least the threshold of records.' },
  { rule: 'POLICY_VIOLATION', what: 'Classified or sensitive records are touched outside business hours.' },
  { rule: 'PRIVILEGE_ESCALATION', what: 'A change touches a privilege field or resource type.' },
];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The form's text for numbers and lists, so a half-typed value is kept as typed. */
interface Draft {
  config: RulesConfig;
  thresholds: Record<'DATA_LEAKAGE' | 'UNAUTHORIZED_EXPORT', string>;
  maxRecords: string;
  classifications: string;
  fields: string;
  resourceTypes: string;
}

function draftOf(config: RulesConfig): Draft {
  return {
    config,
    thresholds: { DATA_LEAKAGE: String(config.DATA_LEAKAGE.threshold), UNAUTHORIZED_EXPORT: String(config.UNAUTHORIZED_EXPORT.threshold) },
    maxRecords: String(config.POLICY_VIOLATION.max_records_per_violation),
    classifications: config.POLICY_VIOLATION.classifications.join(', '),
    fields: config.PRIVILEGE_ESCALATION.fields.join(', '),
    resourceTypes: config.PRIVILEGE_ESCALATION.resource_types.join(', '),
  };
}

function configOf(d: Draft): RulesConfig {
  const c = d.config;
  return {
    ...c,
    DATA_LEAKAGE: { ...c.DATA_LEAKAGE, threshold: toNumber(d.thresholds.DATA_LEAKAGE) },
    UNAUTHORIZED_EXPORT: { ...c.UNAUTHORIZED_EXPORT, threshold: toNumber(d.thresholds.UNAUTHORIZED_EXPORT) },
    POLICY_VIOLATION: { ...c.POLICY_VIOLATION, classifications: splitList(d.classifications), max_records_per_violation: toNumber(d.maxRecords) },
    PRIVILEGE_ESCALATION: { ...c.PRIVILEGE_ESCALATION, fields: splitList(d.fields), resource_types: splitList(d.resourceTypes) },
  };
}

export function RulesForm({ rules, onSaved }: { rules: RulesConfig; onSaved(): void }) {
  const [draft, setDraft] = useState(() => draftOf(rules));
  const save = useSave('settings.saveRules', onSaved);
  const errors = save.errors;
  const setRule = <R extends Rule>(rule: R, patch: Partial<RulesConfig[R]>) =>
    setDraft((d) => ({ ...d, config: { ...d.config, [rule]: { ...d.config[rule], ...patch } } }));
  const hours = draft.config.POLICY_VIOLATION.business_hours;
  const setHours = (patch: Partial<typeof hours>) => setRule('POLICY_VIOLATION', { business_hours: { ...hours, ...patch } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run({ rules: configOf(draft) });
  };

  return (
    <section className="panel" aria-labelledby="rules-title">
      <h2 id="rules-title">Detection rules</h2>
      <form onSubmit={submit} aria-labelledby="rules-title" noValidate>
        <label className="check">
          <input type="checkbox" checked={draft.config.at_ingest} onChange={(e) => setDraft((d) => ({ ...d, config: { ...d.config, at_ingest: e.target.checked } }))} />
          Run the rules on every import and collector batch (otherwise only on demand)
        </label>
        <div className="rules">
          {RULES.map(({ rule, what }) => (
            <fieldset key={rule} className="rule" aria-describedby={`${rule}-what`}>
              <legend>{rule}</legend>
              <p className="hint" id={`${rule}-what`}>
                {what}
              </p>
              <div className="rule-fields">
                <label className="check">
                  <input type="checkbox" checked={draft.config[rule].enabled} onChange={(e) => setRule(rule, { enabled: e.target.checked })} />
                  Enabled
                </label>
                <Field label="Severity" errors={errors} field={`${rule}.severity`}>
                  <select value={draft.config[rule].severity} onChange={(e) => setRule(rule, { severity: e.target.value as RulesConfig[Rule]['severity'] })} {...invalidProps(errors, `${rule}.severity`)}>
                    {SEVERITIES.map((s) => (
                      <option key={s}>{s}</option>
                    ))}
                  </select>
                </Field>
                {rule === 'DATA_LEAKAGE' || rule === 'UNAUTHORIZED_EXPORT' ? (
                  <Field label="Threshold (records)" errors={errors} field={`${rule}.threshold`}>
                    <input
                      inputMode="numeric"
                      value={draft.thresholds[rule]}
                      onChange={(e) => setDraft((d) => ({ ...d, thresholds: { ...d.thresholds, [rule]: e.target.value } }))}
                      {...invalidProps(errors, `${rule}.threshold`)}
                    />
                  </Field>
                ) : null}
                {rule === 'POLICY_VIOLATION' ? (
                  <>
                    <Field label="Classifications (comma-separated)" errors={errors} field={`${rule}.classifications`} wide>
                      <input value={draft.classifications} onChange={(e) => setDraft((d) => ({ ...d, classifications: e.target.value }))} {...invalidProps(errors, `${rule}.classifications`)} />
                    </Field>
                    <label className="check">
                      <input type="checkbox" checked={draft.config.POLICY_VIOLATION.include_sensitive} onChange={(e) => setRule(rule, { include_sensitive: e.target.checked })} />
                      Also records marked sensitive
                    </label>
                    <Field label="Business hours start" errors={errors} field={`${rule}.business_hours.start`}>
                      <input value={hours.start} placeholder="08:00" onChange={(e) => setHours({ start: e.target.value })} {...invalidProps(errors, `${rule}.business_hours.start`)} />
                    </Field>
                    <Field label="Business hours end" errors={errors} field={`${rule}.business_hours.end`}>
                      <input value={hours.end} placeholder="18:00" onChange={(e) => setHours({ end: e.target.value })} {...invalidProps(errors, `${rule}.business_hours.end`)} />
                    </Field>
                    <Field label="Time zone" errors={errors} field={`${rule}.business_hours.time_zone`}>
                      <input value={hours.time_zone} placeholder="UTC" onChange={(e) => setHours({ time_zone: e.target.value })} {...invalidProps(errors, `${rule}.business_hours.time_zone`)} />
                    </Field>
                    <fieldset className="days" {...invalidProps(errors, `${rule}.business_hours.days`)}>
                      <legend>Business days</legend>
                      {DAYS.map((label, i) => (
                        <label key={label} className="check">
                          <input
                            type="checkbox"
                            checked={hours.days.includes(i + 1)}
                            onChange={(e) => setHours({ days: e.target.checked ? [...hours.days, i + 1].sort() : hours.days.filter((d) => d !== i + 1) })}
                          />
                          {label}
                        </label>
                      ))}
                      <FieldErrorText errors={errors} field={`${rule}.business_hours.days`} />
                    </fieldset>
                    <Field label="Records listed per violation" errors={errors} field={`${rule}.max_records_per_violation`}>
                      <input inputMode="numeric" value={draft.maxRecords} onChange={(e) => setDraft((d) => ({ ...d, maxRecords: e.target.value }))} {...invalidProps(errors, `${rule}.max_records_per_violation`)} />
                    </Field>
                  </>
                ) : null}
                {rule === 'PRIVILEGE_ESCALATION' ? (
                  <>
                    <Field label="Privilege fields (comma-separated)" errors={errors} field={`${rule}.fields`} wide>
                      <input value={draft.fields} onChange={(e) => setDraft((d) => ({ ...d, fields: e.target.value }))} {...invalidProps(errors, `${rule}.fields`)} />
                    </Field>
                    <Field label="Privilege resource types (comma-separated)" errors={errors} field={`${rule}.resource_types`} wide>
                      <input value={draft.resourceTypes} onChange={(e) => setDraft((d) => ({ ...d, resourceTypes: e.target.value }))} {...invalidProps(errors, `${rule}.resource_types`)} />
                    </Field>
                  </>
                ) : null}
              </div>
            </fieldset>
          ))}
        </div>
        <OtherErrors errors={errors} fields={(f) => claimed(f)} />
        <SaveBar save={save} label="Save detection rules" />
      </form>
    </section>
  );
}

/** The fields a control of this form shows errors for (list members report on their list). */
function claimed(field: string): boolean {
  return /^(DATA_LEAKAGE|UNAUTHORIZED_EXPORT)\.threshold$|\.(severity|classifications|fields|resource_types|max_records_per_violation|business_hours\.(start|end|time_zone|days))$/.test(field.replace(/\.\d+$/, ''));
}

function Field({ label, errors, field, wide, children }: { label: string; errors: Errors; field: string; wide?: boolean; children: ReactNode }) {
  return (
    <label className={`filter${wide ? ' wide' : ''}`}>
      {label}
      {children}
      <FieldErrorText errors={listErrors(errors, field)} field={field} />
    </label>
  );
}

/** An error on a list member (`…fields.2`) is shown on the list's own field. */
function listErrors(errors: Errors, field: string): FieldError[] {
  return errors.map((e) => (e.field.startsWith(`${field}.`) && /^\d+$/.test(e.field.slice(field.length + 1)) ? { ...e, field } : e));
}
