// Desktop, no vault open: open one, create one, reopen a recent one, or try the demo.
import { useState } from 'react';
import type { Session } from '../../../shared/api/session';
import { api } from '../api/transport';
import { SlowOpenHint } from './SlowOpenHint';

type Step = { kind: 'choose' } | { kind: 'passphrase'; path: string; create: boolean };

export function OpenVaultScreen({ session, onOpened }: { session: Session; onOpened(s: Session): void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [remember, setRemember] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);

  const pick = async (create: boolean) => {
    const answer = await api.call(create ? 'dialog.createVault' : 'dialog.openVault', {});
    if (!answer.ok) return setMessage(answer.error.message);
    if (answer.value) setStep({ kind: 'passphrase', path: answer.value, create });
  };
  const demo = async () => {
    setMessage('Preparing the demo vault…');
    const answer = await api.call('vault.openDemo', {});
    if (answer.ok) onOpened(answer.value);
    else setMessage(answer.error.message);
  };

  if (step.kind === 'passphrase') {
    return (
      <main className="center-screen">
        <form
          className="panel unlock"
          aria-labelledby="open-title"
          onSubmit={async (e) => {
            e.preventDefault();
            if (step.create && passphrase !== confirm) return setMessage('The two passphrases differ.');
            setOpening(true);
            const answer = step.create
              ? await api.call('vault.create', { path: step.path, passphrase })
              : await api.call('session.unlock', { path: step.path, passphrase, remember: session.canRemember ? remember : undefined });
            setOpening(false);
            if (answer.ok) onOpened(answer.value);
            else setMessage(answer.error.message);
          }}
        >
          <h1 id="open-title">{step.create ? 'Create' : 'Open'} {step.path.split(/[\\/]/).pop()}</h1>
          <label className="field-label" htmlFor="pp">
            Passphrase
          </label>
          <input id="pp" type="password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          {step.create ? (
            <>
              <label className="field-label" htmlFor="pp2">
                Passphrase again
              </label>
              <input id="pp2" type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
              <p className="muted">There is no way to recover a vault whose passphrase is lost.</p>
            </>
          ) : session.canRemember ? (
            <label className="check">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember on this device
            </label>
          ) : null}
          {message ? <p className="bad-text" role="alert">{message}</p> : null}
          {step.create ? null : <SlowOpenHint opening={opening} />}
          <div className="row">
            <button type="submit" className="primary" disabled={opening}>{step.create ? 'Create' : opening ? 'Opening…' : 'Open'}</button>
            <button type="button" onClick={() => setStep({ kind: 'choose' })}>Back</button>
          </div>
        </form>
      </main>
    );
  }

  return (
    <main className="center-screen">
      <div className="panel unlock" aria-labelledby="welcome-title">
        <h1 id="welcome-title">AuditDesk</h1>
        <p className="muted">Review, verify and report on audit trails, offline, from an encrypted vault.</p>
        <div className="column">
          <button type="button" className="primary" onClick={() => void pick(false)}>Open a vault…</button>
          <button type="button" onClick={() => void pick(true)}>Create a new vault…</button>
          <button type="button" onClick={() => void demo()}>Try the demo vault (generated records)</button>
        </div>
        {session.recent.length ? (
          <>
            <h2>Recent</h2>
            <ul className="plain">
              {session.recent.map((p) => (
                <li key={p}>
                  <button type="button" className="link" onClick={() => setStep({ kind: 'passphrase', path: p, create: false })}>{p}</button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {message ? <p role="status">{message}</p> : null}
      </div>
    </main>
  );
}
