// The app's gate: no vault → choose one (desktop); locked → unlock; unlocked → the review screens.
// Locking (button, shortcut, menu, idle timer, or any "locked" answer) drops every screen's state.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/result';
import type { Session } from '../../../shared/api/session';
import { onLocked } from '../api/session-events';
import { api, onShellEvent } from '../api/transport';
import { ErrorBox, Loading } from '../common/States';
import { OpenVaultScreen } from '../session/OpenVaultScreen';
import { UnlockScreen } from '../session/UnlockScreen';
import { navigate } from './router';
import { Shell } from './Shell';
import { useIdleLock } from './use-idle-lock';

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [choosing, setChoosing] = useState(false);

  const refresh = useCallback(async () => {
    const answer = await api.call('session.status', {});
    if (answer.ok) {
      setSession(answer.value);
      setError(null);
    } else setError(answer.error);
  }, []);

  const lock = useCallback(async () => {
    const answer = await api.call('session.lock', {});
    if (answer.ok) setSession(answer.value);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => onLocked(() => void refresh()), [refresh]);
  useEffect(
    () =>
      onShellEvent((event) => {
        if (event.type === 'lock') void lock();
        else if (event.type === 'navigate') window.location.hash = event.to;
        else if (event.type === 'session-changed') void refresh();
      }),
    [lock, refresh],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'l' && e.shiftKey && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);
  useIdleLock(session?.state === 'unlocked' ? session.idleLockMinutes : 0, lock);

  if (error) return <main className="center-screen"><ErrorBox error={error} onRetry={() => void refresh()} /></main>;
  if (!session) return <main className="center-screen"><Loading label="Starting…" /></main>;
  if (session.state === 'no-vault' || choosing) {
    return <OpenVaultScreen session={session} onOpened={(s) => { setChoosing(false); setSession(s); navigate([]); }} />;
  }
  if (session.state === 'locked') {
    return <UnlockScreen session={session} onUnlocked={setSession} onChooseOther={session.canChooseVault ? () => setChoosing(true) : undefined} />;
  }
  return <Shell session={session} onLock={() => void lock()} />;
}
