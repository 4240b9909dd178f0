// Background search indexing in serve yields to the collector: while requests keep arriving it waits,
// and it catches up once they stop (electron/core/backend/backend.ts, pauseIndexing).
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRecord } from '../../shared/records/record-schema';
import { createBackend, type Backend } from '../../electron/core/backend/backend';
import { nodeSha256 } from '../../electron/core/node-sha';
import { indexCoverage } from '../../electron/core/queries/review-indexer';
import { Admission } from '../../electron/core/vault/admission';
import { openVault } from '../../electron/core/vault/open-vault';
import { PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { tempDir } from '../support/temp';

let backend: Backend | null = null;
afterEach(() => backend?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('background indexing', () => {
  it('waits while the collector is busy and catches up after', async () => {
    const vaultPath = path.join(tempDir(), 'pause.vault');
    const db = openVault(vaultPath, PASSPHRASE, { create: true });
    db.transaction(() => {
      const admission = new Admission(db, nodeSha256);
      for (let i = 0; i < 200; i++) {
        const checked = checkRecord(logRecord({ id: `p${i}`, tenant: 'acme' }));
        if (checked.ok) admission.admit(checked.record);
      }
      admission.finish();
    })();
    db.close();

    backend = createBackend({ vaultPath, passphrase: PASSPHRASE, canChooseVault: false });
    backend.pauseIndexing(400); // as the collector does on each request
    await sleep(150);
    const connection = backend.context.session.connection!;
    expect(indexCoverage(connection).indexed).toBe(0);
    for (let waited = 0; indexCoverage(connection).indexed < 200 && waited < 10_000; waited += 50) await sleep(50);
    expect(indexCoverage(connection)).toMatchObject({ indexed: 200, total: 200 });
  });
});
