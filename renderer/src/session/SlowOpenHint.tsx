// Said while a vault takes long to open. The backend cannot say why while it is busy opening (the
// work is synchronous), and the usual reason is a one-time schema upgrade: a vault last opened by an
// older AuditDesk has its indexes rebuilt on its first open here (about a minute per million records).
import { useEffect, useState } from 'react';

/** After this long, an open is slower than a key derivation and a few reads can explain. */
const SLOW_AFTER_MS = 4000;

export function SlowOpenHint({ opening }: { opening: boolean }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!opening) return undefined;
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [opening]);
  if (!slow) return null;
  return (
    <p className="hint" role="status">
      Still opening. The first time a newer AuditDesk opens a vault, it upgrades the vault once: about a
      minute per million records. Nothing is lost if you wait.
    </p>
  );
}
