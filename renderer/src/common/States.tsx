// Loading, empty and error states: each says what is happening and, for errors, what to do next.
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/result';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <strong>{title}</strong>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

const ADVICE: Partial<Record<ApiError['code'], string>> = {
  locked: 'Unlock the vault to continue.',
  not_found: 'It may have been removed, or the link is wrong.',
  bad_request: 'Check the values entered.',
  busy: 'Wait for the running import to finish, then try again.',
  forbidden: 'Open the address that `auditdesk serve` printed.',
  internal: 'This is a bug in AuditDesk; please report it with the message above.',
};

export function ErrorBox({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <strong>{error.message}</strong>
      <div>{ADVICE[error.code] ?? ''}</div>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
