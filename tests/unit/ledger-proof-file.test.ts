// c2sp.org/tlog-proof files: what `auditdesk proof` writes and `verify-proof` checks offline with only
// the vault's public key. Each failure must say which stage failed and why.
import { describe, expect, it } from 'vitest';
import {
  buildProofFile,
  CompactRange,
  ed25519Signer,
  formatProofFile,
  fromBase64,
  generateNoteKey,
  leafHash,
  MemoryNodeStore,
  parseProofFile,
  signCheckpoint,
  TLOG_PROOF_HEADER,
  toBase64,
  verifyProofFile,
} from '../../shared/ledger';

const ORIGIN = 'auditdesk.local/vault-test';
const signer = ed25519Signer(ORIGIN, new Uint8Array(32).fill(4));
const enc = (s: string) => new TextEncoder().encode(s);
const record = (i: number) => enc(`{"id":"r${i}","kind":"log","seq":${i + 1},"tenant":"t1"}`);

function vault(count: number) {
  const range = CompactRange.empty();
  const store = new MemoryNodeStore();
  const checkpoints: string[] = [];
  for (let i = 0; i < count; i++) {
    range.appendLeaf(record(i), store);
    if ((i + 1) % 25 === 0) checkpoints.push(signCheckpoint({ origin: ORIGIN, size: range.size, rootHash: range.root() }, signer));
  }
  return { range, store, checkpoints, latest: checkpoints[checkpoints.length - 1]! };
}

describe('proof file format', () => {
  it('parses the example from the C2SP tlog-proof spec', () => {
    const example = [
      'c2sp.org/tlog-proof@v1',
      'extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6',
      'index 73894',
      'gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=',
      'B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=',
      '',
      'example.com/fancylog',
      '109482',
      'sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=',
      '',
      '\u2014 example.com/fancylog hI2DJw==',
      '',
    ].join('\n');
    const proof = parseProofFile(example);
    expect(proof.index).toBe(73894);
    expect(new TextDecoder().decode(proof.extra)).toBe('age-v1.2.1-darwin-arm64.tar.gz');
    expect(proof.hashes.map(toBase64)).toEqual(['gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=', 'B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=']);
    expect(proof.checkpoint.startsWith('example.com/fancylog\n109482\n')).toBe(true);
    expect(proof.checkpoint.endsWith('hI2DJw==\n')).toBe(true);
  });

  it('writes header, extra, index, hashes, a blank line and the checkpoint verbatim', () => {
    const { store, latest } = vault(50);
    const text = buildProofFile({ store, index: 7, signedCheckpoint: latest, extra: record(7) });
    const lines = text.split('\n');
    expect(lines[0]).toBe(TLOG_PROOF_HEADER);
    expect(lines[1]).toBe(`extra ${toBase64(record(7))}`);
    expect(lines[2]).toBe('index 7');
    expect(lines.slice(3, 9).every((l) => fromBase64(l)?.length === 32)).toBe(true); // 50 leaves: 6 hashes
    expect(lines[9]).toBe('');
    expect(text.endsWith('\n\n' + latest)).toBe(true);
    expect(parseProofFile(text)).toEqual({ index: 7, hashes: parseProofFile(text).hashes, checkpoint: latest, extra: record(7) });
  });

  it('omits the extra line when there is no extra data, and round-trips', () => {
    const { store, latest } = vault(25);
    const text = buildProofFile({ store, index: 0, signedCheckpoint: latest });
    expect(text.split('\n')[1]).toBe('index 0');
    const parsed = parseProofFile(text);
    expect(formatProofFile(parsed)).toBe(text);
  });

  it.each([
    ['a wrong header', 'c2sp.org/tlog-proof@v2\nindex 0\n\ncp\n', /first line/],
    ['a missing index', 'c2sp.org/tlog-proof@v1\n\ncp\n', /line 2: expected "index N"/],
    ['a leading zero index', 'c2sp.org/tlog-proof@v1\nindex 01\n\ncp\n', /index is not a decimal/],
    ['a short hash', 'c2sp.org/tlog-proof@v1\nindex 0\nZG9uJ3QgY2FyZSAy\n\ncp\n', /line 3: not a base64 SHA-256 hash/],
    ['no checkpoint', 'c2sp.org/tlog-proof@v1\nindex 0\n\n', /no checkpoint/],
    ['no blank line', 'c2sp.org/tlog-proof@v1\nindex 0', /file ends inside line 2/],
    ['Windows line endings', 'c2sp.org/tlog-proof@v1\r\nindex 0\r\n\r\ncp\r\n', /carriage returns/],
  ])('rejects %s', (_what, text, message) => {
    expect(() => parseProofFile(text)).toThrow(message);
    expect(verifyProofFile(text, signer.vkey)).toMatchObject({ ok: false, stage: 'format', reason: expect.stringMatching(message) });
  });
});

describe('verifying a proof offline', () => {
  const { range, store, checkpoints, latest } = vault(100);

  it('proves every record from the file alone (leaf bytes carried as extra data)', () => {
    for (let i = 0; i < 100; i++) {
      const file = buildProofFile({ store, index: i, signedCheckpoint: latest, extra: record(i) });
      const result = verifyProofFile(file, signer.vkey);
      expect(result.ok, `record ${i}`).toBe(true);
      if (result.ok) {
        expect(result).toMatchObject({ index: i, leafFrom: 'extra', checkpoint: { origin: ORIGIN, size: 100 } });
        expect(result.leafHash).toEqual(leafHash(record(i)));
      }
    }
  });

  it('proves a record the verifier holds, against every earlier checkpoint the vault kept', () => {
    for (const cp of checkpoints) {
      const file = buildProofFile({ store, index: 3, signedCheckpoint: cp });
      expect(verifyProofFile(file, signer.vkey, record(3))).toMatchObject({ ok: true, leafFrom: 'leafBytes' });
      expect(verifyProofFile(file, signer.vkey, undefined, { leafHash: leafHash(record(3)) })).toMatchObject({ ok: true, leafFrom: 'leafHash' });
    }
    expect(range.size).toBe(100);
  });

  it('fails for an edited record, naming the inclusion stage', () => {
    const file = buildProofFile({ store, index: 42, signedCheckpoint: latest, extra: enc('{"id":"r42","kind":"log","seq":43,"tenant":"t2"}') });
    const result = verifyProofFile(file, signer.vkey);
    expect(result).toMatchObject({ ok: false, stage: 'inclusion', reason: expect.stringMatching(/entry 42 is not proven in the log of size 100/) });
    const given = buildProofFile({ store, index: 42, signedCheckpoint: latest });
    expect(verifyProofFile(given, signer.vkey, record(41))).toMatchObject({ ok: false, stage: 'inclusion' });
  });

  it('fails for a proof moved to another index or with an altered hash', () => {
    const file = buildProofFile({ store, index: 10, signedCheckpoint: latest, extra: record(10) });
    expect(verifyProofFile(file.replace('index 10\n', 'index 11\n'), signer.vkey)).toMatchObject({ ok: false, stage: 'inclusion' });
    const lines = file.split('\n');
    lines[3] = toBase64(new Uint8Array(32));
    expect(verifyProofFile(lines.join('\n'), signer.vkey)).toMatchObject({ ok: false, stage: 'inclusion' });
  });

  it('fails when the checkpoint is not signed by the trusted key, or was altered', () => {
    const file = buildProofFile({ store, index: 5, signedCheckpoint: latest, extra: record(5) });
    expect(verifyProofFile(file, generateNoteKey(ORIGIN).vkey)).toMatchObject({ ok: false, stage: 'checkpoint', reason: expect.stringMatching(/no signature by a trusted key/) });
    expect(verifyProofFile(file.replace('\n100\n', '\n101\n'), signer.vkey)).toMatchObject({ ok: false, stage: 'checkpoint', reason: expect.stringMatching(/does not verify/) });
    expect(verifyProofFile(file, signer.vkey, undefined, { origin: 'other/log' })).toMatchObject({ ok: false, stage: 'checkpoint' });
  });

  it('asks for the leaf when the proof does not carry it', () => {
    const file = buildProofFile({ store, index: 5, signedCheckpoint: latest });
    expect(verifyProofFile(file, signer.vkey)).toMatchObject({ ok: false, stage: 'leaf', reason: expect.stringMatching(/no leaf to check/) });
  });

  it('refuses to build a proof for a record after the checkpoint', () => {
    expect(() => buildProofFile({ store, index: 30, signedCheckpoint: checkpoints[0]! })).toThrow(/not in the checkpoint of size 25/);
  });
});
