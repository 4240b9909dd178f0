// The auditor as witness (issue 4): a producer signs a checkpoint of its own log; the auditor imports the
// producer's records and checks them against that checkpoint with `auditdesk witness`. The producer's
// tree is built here by hand from the documented mapping (docs/ledger-formats.md §7), not by the vault.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/canonical-json';
import { hashedForm } from '../../shared/chain/record-hash';
import { generateNoteKey, parseSignerKey, rootFromLeaves, signCheckpoint } from '../../shared/ledger';
import { cli } from '../support/cli';
import { chainByHand, logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

const ORIGIN = 'erp.example.com/audit-log';

/** The producer: its chained records and a checkpoint it signs over the first `size` of them. */
function producer(count: number) {
  const key = generateNoteKey(ORIGIN);
  const records = chainByHand(Array.from({ length: count }, (_, i) => logRecord({ tenant: 'erp', id: `erp-${i}`, new_data: { amount: 100 + i } })));
  const checkpointAt = (size: number, signWith = key.skey) => {
    const head = rootFromLeaves(records.slice(0, size).map((r) => new TextEncoder().encode(hashedForm(r))));
    return signCheckpoint({ origin: ORIGIN, size, rootHash: head.root }, parseSignerKey(signWith));
  };
  return { key, records, checkpointAt };
}

async function vaultWith(records: JsonObject[]) {
  const dir = tempDir();
  const vault = path.join(dir, 'v.vault');
  await cli(['init', vault]);
  const other = Array.from({ length: 4 }, () => logRecord({ tenant: 'hr' }));
  const imported = await cli(['import', vault, writeFile(dir, 'in.ndjson', ndjson([...other, ...records]))]);
  expect(imported.code).toBe(0);
  return { dir, vault };
}

async function witness(dir: string, vault: string, note: string, vkey: string, ...extra: string[]) {
  const run = await cli(['witness', vault, writeFile(dir, `cp-${Math.random()}.txt`, note), '--key', vkey, '--json', ...extra]);
  return { ...run, result: run.code !== 2 ? JSON.parse(run.stdout) : null };
}

describe('auditdesk witness', () => {
  it("an honest producer's records match its checkpoint, even after it logged more", async () => {
    const p = producer(10);
    const { dir, vault } = await vaultWith(p.records);
    const run = await witness(dir, vault, p.checkpointAt(7), p.key.vkey, '--tenant', 'erp');
    expect(run.code).toBe(0);
    expect(run.result).toMatchObject({ status: 'match', tenant: 'erp', origin: ORIGIN, size: 7 });
    expect(run.result.vaultRoot).toBe(run.result.root);
  });

  it('records altered after the producer signed are a mismatch (exit 1)', async () => {
    const p = producer(10);
    const note = p.checkpointAt(10);
    // The producer (or someone on the way) rewrites record 3 and re-seals the whole chain, so the chain
    // itself is whole and only the producer's checkpoint can tell.
    const rewritten = p.records.map(({ seq: _s, prev_hash: _p, audit_hash: _h, ...r }) => r as JsonObject);
    rewritten[3] = { ...rewritten[3]!, new_data: { amount: 1 } };
    const { dir, vault } = await vaultWith(chainByHand(rewritten));
    expect((await cli(['verify', vault])).code).toBe(0);
    const run = await witness(dir, vault, note, p.key.vkey, '--tenant', 'erp');
    expect(run.code).toBe(1);
    expect(run.result.status).toBe('mismatch');
    expect(run.result.vaultRoot).not.toBe(run.result.root);
    const plain = await cli(['witness', vault, writeFile(dir, 'again.txt', note), '--key', p.key.vkey, '--tenant', 'erp']);
    expect(plain.stdout).toMatch(/^MISMATCH/);
  });

  it('a mismatch raises one CRITICAL INTEGRITY_FAILURE violation, however often it is witnessed again', async () => {
    const p = producer(6);
    const note = p.checkpointAt(6);
    const rewritten = p.records.map(({ seq: _s, prev_hash: _p, audit_hash: _h, ...r }) => r as JsonObject);
    rewritten[2] = { ...rewritten[2]!, new_data: { amount: 1 } };
    const { dir, vault } = await vaultWith(chainByHand(rewritten));
    const integrity = async () =>
      JSON.parse((await cli(['violations', 'list', vault, '--type', 'INTEGRITY_FAILURE', '--json'])).stdout).results as Array<Record<string, unknown>>;
    expect(await integrity()).toEqual([]);
    for (let run = 0; run < 3; run++) expect((await witness(dir, vault, note, p.key.vkey, '--tenant', 'erp')).code).toBe(1);
    const alarms = await integrity();
    expect(alarms).toHaveLength(1);
    const { violation } = JSON.parse((await cli(['violations', 'show', vault, String(alarms[0]!.id), '--json'])).stdout);
    expect(violation).toMatchObject({ kind: 'violation', violation_type: 'INTEGRITY_FAILURE', severity: 'CRITICAL', status: 'OPEN' });
    expect(violation.details).toMatchObject({ tenant: 'erp', origin: ORIGIN, size: 6, break: 'witness_mismatch' });
    // A match raises nothing.
    const honest = producer(4);
    const other = await vaultWith(honest.records);
    expect((await witness(other.dir, other.vault, honest.checkpointAt(4), honest.key.vkey, '--tenant', 'erp')).code).toBe(0);
    expect(JSON.parse((await cli(['violations', 'list', other.vault, '--type', 'INTEGRITY_FAILURE', '--json'])).stdout).count).toBe(0);
  });

  it('a checkpoint larger than the records imported says so instead of guessing', async () => {
    const p = producer(10);
    const { dir, vault } = await vaultWith(p.records.slice(0, 6));
    const run = await witness(dir, vault, p.checkpointAt(10), p.key.vkey, '--tenant', 'erp');
    expect(run.code).toBe(0);
    expect(run.result).toMatchObject({ status: 'incomplete', recordsAvailable: 6, vaultRoot: null });
  });

  it('a checkpoint signed by another key than the one given is refused', async () => {
    const p = producer(5);
    const { dir, vault } = await vaultWith(p.records);
    const impostor = generateNoteKey(ORIGIN);
    const run = await witness(dir, vault, p.checkpointAt(5, impostor.skey), p.key.vkey, '--tenant', 'erp');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refused/);
  });

  it('finds the producer tenant by the origin or by the vault holding one tenant, else asks', async () => {
    const p = producer(5);
    const { dir, vault } = await vaultWith(p.records);
    const run = await cli(['witness', vault, writeFile(dir, 'cp.txt', p.checkpointAt(5)), '--key', p.key.vkey]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--tenant/);
  });
});
