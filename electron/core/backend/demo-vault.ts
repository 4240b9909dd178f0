// The first-run demo: a vault filled with generated, seed-shaped records so that a newcomer sees the
// review UI work before importing anything. Created once in the app's data folder, then reopened.
import fs from 'node:fs';
import path from 'node:path';
import { checkRecord } from '../../../shared/records/record-schema';
import { generateRecords } from '../demo/generate-records';
import { nodeSha256 } from '../node-sha';
import { Admission } from '../vault/admission';
import { openVault } from '../vault/open-vault';

/** Shown to the user with the demo: the demo holds nothing secret. */
export const DEMO_PASSPHRASE = 'auditdesk-demo';
export const DEMO_RECORDS = 5000;

export function ensureDemoVault(dataDir: string, nativeBinding?: string): string {
  const file = path.join(dataDir, 'demo.vault');
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dataDir, { recursive: true });
  const partial = `${file}.creating`;
  fs.rmSync(partial, { force: true });
  const db = openVault(partial, DEMO_PASSPHRASE, { create: true, nativeBinding });
  try {
    db.transaction(() => {
      const admission = new Admission(db, nodeSha256);
      for (const generated of generateRecords({ count: DEMO_RECORDS, seed: 7, start: new Date(Date.now() - 30 * 86_400_000).toISOString() })) {
        const checked = checkRecord(generated);
        if (checked.ok) admission.admit(checked.record);
      }
      admission.finish();
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  // Renamed only when complete, so an interrupted first run never leaves a half-filled demo behind.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  fs.renameSync(partial, file);
  return file;
}
