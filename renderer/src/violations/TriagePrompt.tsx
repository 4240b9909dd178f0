// The prompt behind r (resolve: what was found and done) and a (assign: to whom). A labelled modal
// form: Enter in the first field submits, Escape cancels, focus starts in the field.
import { useState, type KeyboardEvent } from 'react';
import type { ApiError } from '../../../shared/api/result';
import { ErrorBox } from '../common/States';
import type { Prompt } from './use-triage';

export function TriagePrompt({ prompt, busy, error, assignees, onAnswer, onCancel }: {
  prompt: Prompt;
  busy: boolean;
  error: ApiError | null;
  assignees: string[];
  onAnswer(text: string, notes: string): void;
  onCancel(): void;
}) {
  const [text, setText] = useState('');
  const [notes, setNotes] = useState('');
  const resolving = prompt.action === 'resolve';
  const count = prompt.refs.length;
  const title = `${resolving ? 'Resolve' : 'Assign'} ${count === 1 ? prompt.refs[0]!.id : `${count} cases`}`;
  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (resolving && !text.trim()) return;
    onAnswer(text, notes);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <div className="triage-backdrop">
      <form className="triage-dialog panel" role="dialog" aria-modal="true" aria-labelledby="triage-title" onSubmit={submit} onKeyDown={onKeyDown}>
        <h2 id="triage-title">{title}</h2>
        <label className="column">
          <span className="field-label">{resolving ? 'Resolution' : 'Assignee'}</span>
          {resolving ? (
            <textarea
              autoFocus
              required
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) submit(e);
              }}
              placeholder="What was found and done"
            />
          ) : (
            <>
              <input autoFocus list="triage-assignees" value={text} onChange={(e) => setText(e.target.value)} placeholder="A reviewer; empty to unassign" />
              <datalist id="triage-assignees">
                {assignees.map((a) => (
                  <option key={a} value={a} />
                ))}
              </datalist>
            </>
          )}
        </label>
        <label className="column">
          <span className="field-label">Notes <span className="muted">(optional)</span></span>
          <input value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <p className="hint">Recorded in the tenant's chain with your name and the time.</p>
        {error ? <ErrorBox error={error} /> : null}
        <div className="row">
          <button type="submit" className="primary" disabled={busy || (resolving && !text.trim())}>
            {resolving ? 'Resolve' : text.trim() ? 'Assign' : 'Unassign'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

export function OutcomeNotice({ outcome, onDismiss }: { outcome: { kind: string; text: string; refused: string[] }; onDismiss(): void }) {
  return (
    <div className={`notice ${outcome.kind === 'ok' ? 'ok' : 'bad'}`} role="status" data-testid="triage-outcome">
      <div className="column">
        <strong>{outcome.text}</strong>
        {outcome.refused.length ? (
          <ul className="plain">
            {outcome.refused.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" className="link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
