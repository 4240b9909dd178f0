// The UI's vault session signs checkpoints as the CLI does: a vault created in the app gets its
// signing key, and an import through the Import screen leaves a signed checkpoint (issue 4). Where
// the signer comes from is the session's choice (the desktop app passes its OS-keychain source).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importUploaded } from '../../electron/core/backend/import-upload';
import { VaultSession } from '../../electron/core/backend/vault-session';
import { signerFor } from '../../electron/core/ledger/signer-registry';
import { PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { tempDir } from '../support/temp';

let session: VaultSession | null = null;
afterEach(() => session?.lock());

const upload = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify(logRecord({ id: `u${i}`, tenant: 'acme' }))).join('\n');

describe('the UI session and checkpoints', () => {
  it('gives a vault created in the app its signing key, and signs a checkpoint after each import', async () => {
    const vault = path.join(tempDir(), 'app.vault');
    session = new VaultSession(vault);
    session.unlock(PASSPHRASE, vault, true);
    expect(fs.existsSync(`${vault}.signing-key`)).toBe(true);
    const db = session.connection!;
    expect(signerFor(db)).not.toBeNull();

    const result = await importUploaded(db, 'batch.ndjson', upload(3), undefined, () => {});
    expect(result.ok).toBe(true);
    const checkpoints = db.prepare('SELECT size, note FROM checkpoints').all() as Array<{ size: number; note: string }>;
    expect(checkpoints.map((c) => c.size)).toEqual([3]);
    expect(checkpoints[0]!.note).toContain('\n3\n');
  });

  it('takes its signer from the source it was given', async () => {
    const vault = path.join(tempDir(), 'app.vault');
    const asked: string[] = [];
    session = new VaultSession(vault, undefined, (p) => {
      asked.push(p);
      return null; // e.g. no key on this device: records are admitted, no checkpoint is signed
    });
    session.unlock(PASSPHRASE, vault, true);
    expect(asked).toEqual([vault]);
    await importUploaded(session.connection!, 'batch.ndjson', upload(2), undefined, () => {});
    expect(session.connection!.prepare('SELECT count(*) AS n FROM checkpoints').get()).toEqual({ n: 0 });
  });
});
