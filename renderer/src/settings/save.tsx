// Saving one settings form: the field errors the backend answered, a refusal of the whole request
// (locked, busy), and what the save did: recorded in the chain, or nothing to change.
import { useState } from 'react';
import type { ApiError } from '../../../shared/api/result';
import type { RouteRequest } from '../../../shared/api/routes';
import type { FieldError } from '../../../shared/api/settings';
import { api } from '../api/transport';
import { ErrorBox } from '../common/States';

type SaveRoute = 'settings.saveRules' | 'settings.saveRetention' | 'settings.saveSensitiveFields';
type Outcome = 'idle' | 'saving' | 'saved' | 'unchanged' | 'refused';

export interface Save<R extends SaveRoute> {
  outcome: Outcome;
  errors: FieldError[];
  failure: ApiError | null;
  run(body: RouteRequest<R>): Promise<void>;
}

export function useSave<R extends SaveRoute>(route: R, onSaved: () => void): Save<R> {
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const run = async (body: RouteRequest<R>) => {
    setOutcome('saving');
    setFailure(null);
    const result = await api.call(route, body);
    if (!result.ok) {
      setFailure(result.error);
      setOutcome('idle');
      return;
    }
    setErrors(result.value.errors);
    if (result.value.errors.length) return setOutcome('refused');
    setOutcome(result.value.changed.length ? 'saved' : 'unchanged');
    if (result.value.changed.length) onSaved();
  };
  return { outcome, errors, failure, run };
}

const SAID: Partial<Record<Outcome, string>> = {
  saved: 'Saved. The change is recorded in the vault’s chain.',
  unchanged: 'Nothing changed.',
  refused: 'Not saved: correct the fields marked.',
};

export function SaveBar<R extends SaveRoute>({ save, label }: { save: Save<R>; label: string }) {
  const said = SAID[save.outcome];
  return (
    <div className="save-bar">
      <button type="submit" className="primary" disabled={save.outcome === 'saving'}>
        {label}
      </button>
      <span role="status" className={save.outcome === 'refused' ? 'bad-text' : save.outcome === 'saved' ? 'ok-text' : 'muted'}>
        {said ?? ''}
      </span>
      {save.failure ? <ErrorBox error={save.failure} /> : null}
    </div>
  );
}
