// Damages a vault file at rest, as a failing disk or a careless tool would: bytes in the middle of an
// encrypted leaf page of the records table are overwritten, so the records on that page no longer
// decrypt to what was written.
import fs from 'node:fs';
import { openVault } from '../../electron/core/vault/open-vault';
import { PASSPHRASE } from './cli';

const PAGE = 4096;

/** Overwrites 3,000 bytes of the 21st leaf page of the records table (found with SQLite's dbstat). */
export function damageRecordsPage(vault: string): void {
  const db = openVault(vault, PASSPHRASE, { readonly: true });
  const page = db.prepare("SELECT pageno FROM dbstat WHERE name = 'records' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 20").pluck().get() as number;
  db.close();
  const fd = fs.openSync(vault, 'r+');
  fs.writeSync(fd, Buffer.alloc(3000, 0xa5), 0, 3000, (page - 1) * PAGE + 1000);
  fs.closeSync(fd);
}
