// The body of every worker-thread entry that reads the vault (verify, detection, a report's pass, the
// retention preview): open the vault read-only on the thread's own connection with the derived key,
// run the job, close the connection, then answer the caller (worker-call.ts). Closed before the
// answer goes: detection's caller then finds the vault alone for its write.
import type Database from 'better-sqlite3';
import { answerCaller } from '../worker-call';
import { openVault, type OpenOptions } from './open-vault';
import type { WorkerVaultAccess } from './raw-key';

export function readInWorker<T>(
  access: WorkerVaultAccess,
  options: Pick<OpenOptions, 'pageMacCheck'>,
  job: (db: Database.Database, progress: (records: number) => void) => { result: T; transfer?: ArrayBuffer[] },
): void {
  answerCaller<T>((progress) => {
    const db = openVault(access.vaultPath, access.passphrase, { readonly: true, rawKey: access.rawKey, ...options });
    try {
      return job(db, progress);
    } finally {
      db.close();
    }
  });
}
