// The vault is locked: ask for its passphrase. Nothing of the vault is shown until it opens.
import { useState } from 'react';
import type { Session } from '../../../shared/api/session';
import { api } from '../api/transport';
import { SlowOpenHint } from './SlowOpenHint';

export function UnlockScreen({ session, onUnlocked, onChooseOther }: { session: Session; onUnlocked(s: Session): void; onChooseOther?(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main className="center-screen">
      <form
        className="panel unlock"
        aria-labelledby="unlock-title"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          const answer = await api.call('session.unlock', { passphrase, remember: session.canRemember ? remember : undefined });
          setBusy(false);
          setPassphrase('');
          if (answer.ok) onUnlocked(answer.value);
          else setError(answer.error.message);
        }}
      >
        <h1 id="unlock-title">Unlock {session.vault?.name ?? 'the vault'}</h1>
        <p className="muted">The vault is encrypted. Enter its passphrase to review it.</p>
        <label className="field-label" htmlFor="passphrase">
          Passphrase
        </label>
        <input id="passphrase" type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        {session.canRemember ? (
          <label className="check">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember on this device
          </label>
        ) : null}
        {error ? (
          <p className="bad-text" role="alert">
            {error}
          </p>
        ) : null}
        <SlowOpenHint opening={busy} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || passphrase.length === 0}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
          {onChooseOther ? (
            <button type="button" onClick={onChooseOther}>
              Open another vault
            </button>
          ) : null}
        </div>
      </form>
    </main>
  );
}
