// Collector API keys (issue 3): the keys with when they were made and last used, a form to create one
// (the key is shown here once, never again: the vault keeps only its hash) and a confirmed revoke.
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../shared/api/result';
import type { ApiKey } from '../../../shared/api/settings';
import { api } from '../api/transport';
import { CopyButton } from '../common/CopyButton';
import { formatTime } from '../common/format';
import { Empty, ErrorBox } from '../common/States';

interface NewKey {
  name: string;
  key: string;
}

export function KeysPanel({ keys, onChanged }: { keys: ApiKey[]; onChanged(): void }) {
  const [created, setCreated] = useState<NewKey | null>(null);
  return (
    <section className="panel" aria-labelledby="keys-title">
      <h2 id="keys-title">Collector API keys</h2>
      <p className="hint">Applications and log shippers send records with a key. The vault stores only each key's hash; creating and revoking a key is recorded in its chain.</p>
      {created ? <NewKeyNotice created={created} onDismiss={() => setCreated(null)} /> : null}
      {keys.length === 0 ? (
        <Empty title="No API key yet.">Create one below to let an application send records.</Empty>
      ) : (
        <table className="data" aria-label="API keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <th scope="row">{k.name}</th>
                <td>{k.id}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{formatTime(k.created_at)}</td>
                <td>{k.last_used_at ? formatTime(k.last_used_at) : <span className="muted">never</span>}</td>
                <td>{k.revoked_at ? <span className="muted">revoked {formatTime(k.revoked_at)}</span> : <RevokeButton apiKey={k} onRevoked={onChanged} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateKeyForm
        onCreated={(key) => {
          setCreated(key);
          onChanged();
        }}
      />
    </section>
  );
}

function NewKeyNotice({ created, onDismiss }: { created: NewKey; onDismiss(): void }) {
  return (
    <div className="notice new-key" role="status" aria-labelledby="new-key-title">
      <div className="column">
        <strong id="new-key-title">New key {created.name}: store it now, it will not be shown again.</strong>
        <div className="row new-key-value">
          <code data-testid="new-key">{created.key}</code>
          <CopyButton value={created.key} label="the new key" />
        </div>
      </div>
      <button type="button" onClick={onDismiss}>
        I have stored it
      </button>
    </div>
  );
}

function RevokeButton({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!confirming) {
    return (
      <span className="row">
        <span className="ok-text">active</span>
        <button type="button" onClick={() => setConfirming(true)} aria-label={`Revoke ${apiKey.name}`}>
          Revoke
        </button>
      </span>
    );
  }
  const revoke = async () => {
    setBusy(true);
    const result = await api.call('settings.revokeKey', { id: apiKey.id });
    setBusy(false);
    if (result.ok) onRevoked();
    else setError(result.error);
  };
  return (
    <div className="confirm" role="group" aria-label={`Confirm revoking ${apiKey.name}`}>
      <span>Revoke {apiKey.name}? Senders using it are refused from now on; this cannot be undone.</span>
      <span className="row">
        <button type="button" className="danger" disabled={busy} onClick={() => void revoke()}>
          Revoke key
        </button>
        <button type="button" onClick={() => setConfirming(false)} autoFocus>
          Cancel
        </button>
      </span>
      {error ? <ErrorBox error={error} /> : null}
    </div>
  );
}

function CreateKeyForm({ onCreated }: { onCreated(key: NewKey): void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await api.call('settings.createKey', { name });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setName('');
    onCreated({ name: result.value.name, key: result.value.key });
  };
  return (
    <form className="row create-key" aria-label="Create an API key" onSubmit={(e) => void submit(e)}>
      <label className="filter">
        Key name
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. payroll-app" aria-invalid={error ? true : undefined} aria-describedby={error ? 'create-key-error' : undefined} />
      </label>
      <button type="submit" className="primary" disabled={busy || !name.trim()}>
        Create key
      </button>
      {error ? (
        <span className="field-error" id="create-key-error" role="alert">
          {error.message}
        </span>
      ) : null}
    </form>
  );
}
