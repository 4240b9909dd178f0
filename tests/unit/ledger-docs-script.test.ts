// docs/ledger-formats.md promises that a third party can check a proof and a checkpoint with a short
// script and no AuditDesk code. This runs the script printed in that document, with plain Node, on
// proof files made by the ledger, so the document cannot drift from what the vault writes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProofFile, CompactRange, ed25519Signer, generateNoteKey, MemoryNodeStore, signCheckpoint } from '../../shared/ledger';

const doc = readFileSync(fileURLToPath(new URL('../../docs/ledger-formats.md', import.meta.url)), 'utf8');
const script = /<!-- check-proof\.mjs -->\n```js\n([\s\S]*?)```/.exec(doc)?.[1];
const dir = mkdtempSync(join(tmpdir(), 'ledger-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
if (script) writeFileSync(join(dir, 'check-proof.mjs'), script);

function run(proofText: string, vkey: string, leaf?: Uint8Array): { code: number; out: string } {
  const proofPath = join(dir, 'record.tlog-proof');
  writeFileSync(proofPath, proofText);
  const args = [join(dir, 'check-proof.mjs'), proofPath, vkey];
  if (leaf) {
    writeFileSync(join(dir, 'leaf.bin'), leaf);
    args.push(join(dir, 'leaf.bin'));
  }
  try {
    return { code: 0, out: execFileSync(process.execPath, args, { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}

describe('the checker script in docs/ledger-formats.md', () => {
  const origin = 'auditdesk.local/vault-doc';
  // A fixed key whose vkey's base64 part contains '+', the case a naive split('+') gets wrong.
  const seedByte = Array.from({ length: 256 }, (_, b) => b).find((b) => ed25519Signer(origin, new Uint8Array(32).fill(b)).vkey.split('+').length > 3)!;
  const signer = ed25519Signer(origin, new Uint8Array(32).fill(seedByte));
  const range = CompactRange.empty();
  const store = new MemoryNodeStore();
  const records = Array.from({ length: 37 }, (_, i) => new TextEncoder().encode(`{"id":"r${i}","seq":${i + 1}}`));
  for (const r of records) range.appendLeaf(r, store);
  const checkpoint = signCheckpoint({ origin, size: range.size, rootHash: range.root() }, signer);

  it('is present and about 100 lines', () => {
    expect(script).toBeDefined();
    expect(script!.split('\n').length).toBeLessThanOrEqual(100);
    expect(signer.vkey.split('+').length).toBeGreaterThan(3);
  });

  it('verifies proofs the ledger writes, from the extra data or a given leaf file', () => {
    for (const i of [0, 1, 17, 36]) {
      const file = buildProofFile({ store, index: i, signedCheckpoint: checkpoint, extra: records[i]! });
      const result = run(file, signer.vkey);
      expect(result, `record ${i}`).toEqual({ code: 0, out: expect.stringMatching(new RegExp(`^VERIFIED: entry ${i} is in ${origin} \\(tree size 37`)) });
    }
    const bare = buildProofFile({ store, index: 5, signedCheckpoint: checkpoint });
    expect(run(bare, signer.vkey, records[5]).code).toBe(0);
  });

  it('rejects an edited record, an edited checkpoint and another key', () => {
    const file = buildProofFile({ store, index: 9, signedCheckpoint: checkpoint, extra: records[9]! });
    expect(run(file, signer.vkey, records[10])).toEqual({ code: 1, out: 'NOT VERIFIED: the record is not in the log under this checkpoint\n' });
    expect(run(file.replace('\n37\n', '\n38\n'), signer.vkey)).toEqual({ code: 1, out: 'NOT VERIFIED: checkpoint signature does not verify\n' });
    expect(run(file, generateNoteKey(origin).vkey).out).toBe(`NOT VERIFIED: checkpoint is not signed by ${origin}\n`);
  });
});
