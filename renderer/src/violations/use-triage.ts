// Triage actions shared by the queue and the case view: the single-key shortcuts, the prompt that
// asks for a resolution or an assignee, and the call that moves the cases (through the engine, which
// records each change in the chain). The outcome is said in words, refusals included.
import { useState } from 'react';
import type { ApiError } from '../../../shared/api/result';
import type { CaseChange, CaseRef } from '../../../shared/api/violations';
import { reportLocked } from '../api/session-events';
import { api } from '../api/transport';

export type TriageAction = 'investigate' | 'resolve' | 'close' | 'assign';

export const TRIAGE_KEYS: Record<string, TriageAction> = { i: 'investigate', r: 'resolve', c: 'close', a: 'assign' };

export const ACTION_LABEL: Record<TriageAction, string> = {
  investigate: 'Investigate',
  resolve: 'Resolve…',
  close: 'Close',
  assign: 'Assign…',
};

/** What the prompt asks for: a resolution (resolve) or an assignee (assign). */
export interface Prompt {
  action: 'resolve' | 'assign';
  refs: CaseRef[];
}

export interface Outcome {
  kind: 'ok' | 'partial' | 'bad';
  text: string;
  refused: string[];
}

export function useTriage(onChanged: () => void) {
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (refs: CaseRef[], change: CaseChange, what: string) => {
    setBusy(true);
    setError(null);
    const result = await api.call('violations.transition', { refs, change });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'locked') reportLocked();
      setError(result.error);
      return false;
    }
    const done = result.value.results.filter((r) => r.ok).length;
    const refused = result.value.results.filter((r) => !r.ok).map((r) => r.reason ?? r.id);
    const cases = (n: number) => `${n} case${n === 1 ? '' : 's'}`;
    setOutcome({
      kind: refused.length === 0 ? 'ok' : done > 0 ? 'partial' : 'bad',
      text: `${what}: ${cases(done)} changed${refused.length ? `, ${cases(refused.length)} refused` : ''}.`,
      refused,
    });
    onChanged();
    return true;
  };

  const start = (action: TriageAction, refs: CaseRef[]) => {
    if (refs.length === 0 || busy) return;
    setOutcome(null);
    if (action === 'investigate') void apply(refs, { to: 'INVESTIGATING' }, 'Investigate');
    else if (action === 'close') void apply(refs, { to: 'CLOSED' }, 'Close');
    else setPrompt({ action, refs });
  };

  /** The prompt's answer: the resolution text, or the assignee ('' unassigns). */
  const answer = async (text: string, notes: string) => {
    if (!prompt) return;
    const extra = notes.trim() ? { notes: notes.trim() } : {};
    const ok =
      prompt.action === 'resolve'
        ? await apply(prompt.refs, { to: 'RESOLVED', resolution: text.trim(), ...extra }, 'Resolve')
        : await apply(prompt.refs, { assignee: text.trim(), ...extra }, text.trim() ? `Assign to ${text.trim()}` : 'Unassign');
    if (ok) setPrompt(null);
  };

  return { prompt, outcome, error, busy, start, answer, cancel: () => setPrompt(null), dismiss: () => setOutcome(null) };
}
