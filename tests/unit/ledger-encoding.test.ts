// Base64 as the ledger formats need it: standard alphabet, padded, and only the canonical spelling,
// so that one signed or hashed text has one meaning.
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../shared/ledger';

describe('base64', () => {
  it('encodes and decodes like RFC 4648 for every length up to 70', () => {
    for (let n = 0; n <= 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(text)).toEqual(bytes);
    }
  });

  it.each([
    ['missing padding', 'YQ'],
    ['non-zero unused bits', 'YR=='],
    ['URL-safe alphabet', 'a-_b'],
    ['whitespace', 'YWJj ZGVm'],
    ['a trailing newline', 'YWJj\n'],
    ['padding in the middle', 'YQ==YWJj'],
    ['too much padding', 'Y==='],
  ])('rejects %s', (_what, text) => {
    expect(fromBase64(text)).toBeUndefined();
  });
});
