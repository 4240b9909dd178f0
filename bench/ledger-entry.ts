// Issue 4's figures, run by bench/ledger.bench.mjs (which bundles this file): the cost of appending to
// the Merkle log from 10k to 10M leaves, an inclusion proof in a 1M-record vault, and a signed
// checkpoint after a 10,000-record batch.
import { randomBytes } from 'node:crypto';
import { buildProofFile, CompactRange, generateNoteKey, parseSignerKey } from '../shared/ledger';
import { generateRecords } from '../electron/core/demo/generate-records';
import { makeCheckpoint } from '../electron/core/ledger/checkpoints';
import { Ledger } from '../electron/core/ledger/ledger';
import { nodeMerkleHasher } from '../electron/core/ledger/node-hasher';
import { STORED_LEVEL } from '../electron/core/ledger/vault-node-store';
import { loadSigner } from '../electron/core/ledger/signing-key';
import { nodeSha256 } from '../electron/core/node-sha';
import { Admission } from '../electron/core/vault/admission';
import { openVault } from '../electron/core/vault/open-vault';
import { checkRecord } from '../shared/records/record-schema';

const [vaultPath, passphrase] = process.argv.slice(2);
const rows: string[] = [];

// 1. Appending: µs per leaf in successive stretches of the log, with subtree roots kept as the vault
//    keeps them (levels >= STORED_LEVEL), up to 10M leaves.
{
  const range = CompactRange.empty(nodeMerkleHasher);
  const kept = new Map<string, Uint8Array>();
  const store = { get: () => undefined, put: (level: number, index: number, hash: Uint8Array) => { if (level >= STORED_LEVEL) kept.set(`${level}/${index}`, hash); } };
  const leaf = randomBytes(32);
  const marks = [10_000, 100_000, 1_000_000, 10_000_000];
  let from = 0;
  for (const mark of marks) {
    const t = performance.now();
    for (let i = from; i < mark; i++) {
      leaf.writeUInt32BE(i, 0);
      range.append(leaf, store);
    }
    const us = ((performance.now() - t) * 1000) / (mark - from);
    rows.push(`| append, leaves ${from.toLocaleString('en')}–${mark.toLocaleString('en')} | ${us.toFixed(2)} µs per leaf | flat |`);
    from = mark;
  }
}

if (vaultPath && passphrase) {
  const db = openVault(vaultPath, passphrase);
  const size = db.prepare('SELECT count(*) FROM records').pluck().get() as number;
  // 2. Inclusion proofs for 200 random records against a checkpoint of the whole log.
  const { skey } = generateNoteKey('bench.local/proof');
  const ledger = new Ledger(db);
  const latest = db.prepare('SELECT note, size FROM checkpoints ORDER BY id DESC LIMIT 1').get() as { note: string; size: number };
  const note = latest.note;
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const index = Math.floor(Math.random() * latest.size);
    const t = performance.now();
    const canonical = db.prepare('SELECT canonical FROM records WHERE pos = ?').pluck().get(index + 1) as string;
    buildProofFile({ store: ledger.nodeStore, index, signedCheckpoint: note, extra: Buffer.from(canonical), hasher: nodeMerkleHasher });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  rows.push(`| inclusion proof in a ${size.toLocaleString('en')}-record vault | median ${times[100]!.toFixed(2)} ms, slowest ${times.at(-1)!.toFixed(2)} ms (200 records) | ≤ 5 ms |`);

  // 3. A 10,000-record batch admitted, then its checkpoint signed (rolled back: the vault is unchanged).
  const signer = loadSigner(vaultPath, passphrase) ?? parseSignerKey(skey);
  db.exec('BEGIN IMMEDIATE');
  try {
    const admission = new Admission(db, nodeSha256);
    for (const r of generateRecords({ count: 10_000, seed: 99 })) {
      const checked = checkRecord({ ...r, id: `bench-${r.id as string}` });
      if (checked.ok) admission.admit(checked.record);
    }
    const t = performance.now();
    admission.finish();
    makeCheckpoint(db, admission.ledger, signer, 'bench');
    rows.push(`| checkpoint after a 10,000-record batch (saving the tree state and signing) | ${(performance.now() - t).toFixed(1)} ms | ≤ 50 ms |`);
  } finally {
    db.exec('ROLLBACK');
    db.close();
  }
}

console.log(['| figure | measured | target |', '|---|---|---|', ...rows].join('\n'));
