// c2sp.org/tlog-checkpoint: exact body text, signing and verification as a signed note, and the
// consistency check between two checkpoints that `verify --checkpoint` relies on.
import { describe, expect, it } from 'vitest';
import {
  CompactRange,
  consistencyProof,
  ed25519Signer,
  EMPTY_ROOT,
  formatCheckpointBody,
  generateNoteKey,
  LedgerFormatError,
  MemoryNodeStore,
  parseCheckpointBody,
  parseSignerKey,
  signCheckpoint,
  signNote,
  toBase64,
  verifyCheckpoint,
  verifyCheckpointConsistency,
  type Checkpoint,
} from '../../shared/ledger';

const ORIGIN = 'auditdesk.local/vault-test';
const signer = ed25519Signer(ORIGIN, new Uint8Array(32).fill(9));

function logOf(count: number, tag = 'record'): { range: CompactRange; store: MemoryNodeStore } {
  const range = CompactRange.empty();
  const store = new MemoryNodeStore();
  for (let i = 0; i < count; i++) range.appendLeaf(new TextEncoder().encode(`${tag} ${i}`), store);
  return { range, store };
}

const checkpointOf = (range: CompactRange): Checkpoint => ({ origin: ORIGIN, size: range.size, rootHash: range.root() });

describe('checkpoint body', () => {
  it('is origin, size and base64 root, one per line', () => {
    const { range } = logOf(3);
    expect(formatCheckpointBody(checkpointOf(range))).toBe(`${ORIGIN}\n3\n${toBase64(range.root())}\n`);
  });

  it('parses the C2SP spec example body', () => {
    const cp = parseCheckpointBody('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
    expect(cp.origin).toBe('example.com/behind-the-sofa');
    expect(cp.size).toBe(20852163);
    expect(toBase64(cp.rootHash)).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
    expect(cp.extensions).toBeUndefined();
  });

  it('keeps extension lines', () => {
    const cp: Checkpoint = { origin: ORIGIN, size: 0, rootHash: EMPTY_ROOT, extensions: ['vault 7', 'made 2024-01-01'] };
    expect(parseCheckpointBody(formatCheckpointBody(cp))).toEqual(cp);
  });

  const root = toBase64(EMPTY_ROOT);
  it.each([
    ['too few lines', `${ORIGIN}\n0\n`, /needs origin, size and root/],
    ['an empty origin', `\n0\n${root}\n`, /origin line is empty/],
    ['a leading zero', `${ORIGIN}\n012\n${root}\n`, /size "012"/],
    ['a negative size', `${ORIGIN}\n-1\n${root}\n`, /size "-1"/],
    ['a short root', `${ORIGIN}\n1\nZG9uJ3QgY2FyZSAy\n`, /root hash is 12 bytes/],
    ['a root that is not base64', `${ORIGIN}\n1\n${root.slice(1)}\n`, /not valid base64/],
    ['an empty extension line', `${ORIGIN}\n1\n${root}\n\n`, /extension line 1 is empty/],
    ['no final newline', `${ORIGIN}\n1\n${root}`, /does not end with a newline/],
  ])('rejects %s', (_what, body, message) => {
    expect(() => parseCheckpointBody(body)).toThrow(LedgerFormatError);
    expect(() => parseCheckpointBody(body)).toThrow(message);
  });
});

describe('signed checkpoints', () => {
  const { range } = logOf(10);
  const signed = signCheckpoint(checkpointOf(range), signer);

  it('verify with the vault public key as a vkey string', () => {
    const result = verifyCheckpoint(signed, signer.vkey, { origin: ORIGIN });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.checkpoint.size).toBe(10);
      expect(result.checkpoint.rootHash).toEqual(range.root());
    }
  });

  it('work with a generated skey/vkey pair, as kept by the vault owner', () => {
    const { skey, vkey } = generateNoteKey(ORIGIN);
    expect(verifyCheckpoint(signCheckpoint(checkpointOf(range), parseSignerKey(skey)), vkey).ok).toBe(true);
  });

  it('fail with another key, naming the trusted and present keys', () => {
    const other = generateNoteKey(ORIGIN).vkey;
    const result = verifyCheckpoint(signed, other);
    expect(result.ok === false && result.reason).toMatch(/no signature by a trusted key/);
  });

  it('fail when the size or root was edited after signing', () => {
    const edited = signed.replace('\n10\n', '\n9\n');
    expect(verifyCheckpoint(edited, signer.vkey)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not verify/) });
  });

  it('fail when the origin is not the expected log', () => {
    const result = verifyCheckpoint(signed, signer.vkey, { origin: 'someone.else/log' });
    expect(result.ok === false && result.reason).toMatch(/origin "auditdesk.local\/vault-test" is not the expected/);
  });

  it('fail, with the reason, when a correctly signed note has no checkpoint body', () => {
    const result = verifyCheckpoint(signNote('just a note\n', [signer]), signer.vkey);
    expect(result.ok === false && result.reason).toMatch(/needs origin, size and root/);
  });

  it('report a malformed vkey instead of throwing', () => {
    expect(verifyCheckpoint(signed, 'not-a-key')).toMatchObject({ ok: false, reason: expect.stringMatching(/verifier key/) });
  });
});

describe('consistency between checkpoints', () => {
  const honest = logOf(40);
  const at25 = logOf(25);

  it('holds for honest growth, including from the empty log', () => {
    const proof = consistencyProof(honest.store, 25, 40);
    expect(verifyCheckpointConsistency(checkpointOf(at25.range), checkpointOf(honest.range), proof)).toEqual({ ok: true });
    const empty: Checkpoint = { origin: ORIGIN, size: 0, rootHash: EMPTY_ROOT };
    expect(verifyCheckpointConsistency(empty, checkpointOf(honest.range), [])).toEqual({ ok: true });
  });

  it('fails when the log was rebuilt with different history', () => {
    const rebuilt = logOf(40, 'rewritten');
    const proof = consistencyProof(rebuilt.store, 25, 40);
    const result = verifyCheckpointConsistency(checkpointOf(at25.range), checkpointOf(rebuilt.range), proof);
    expect(result.ok).toBe(false);
  });

  it('fails when the log was cut back below an earlier checkpoint', () => {
    const result = verifyCheckpointConsistency(checkpointOf(honest.range), checkpointOf(at25.range), []);
    expect(result).toEqual({ ok: false, reason: 'size2 25 is smaller than size1 40' });
  });

  it('fails across two different logs, or from a fake empty checkpoint', () => {
    const other = { ...checkpointOf(honest.range), origin: 'other/log' };
    expect(verifyCheckpointConsistency(checkpointOf(at25.range), other, []).ok).toBe(false);
    const fakeEmpty: Checkpoint = { origin: ORIGIN, size: 0, rootHash: honest.range.root() };
    expect(verifyCheckpointConsistency(fakeEmpty, checkpointOf(honest.range), []).ok).toBe(false);
  });
});
