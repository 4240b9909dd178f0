// verify rebuilds the tree block by block with its own small compact range (electron/core/vault/
// leaf-block.ts, hashes kept as strings for speed). It must give the roots and borders of the ledger's
// CompactRange at every size, or a checkpoint would be judged against the wrong tree.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CompactRange } from '../../shared/ledger';
import { LeafBlock } from '../../electron/core/vault/leaf-block';

const leafBytes = (i: number) => new TextEncoder().encode(`{"seq":${i},"note":"é ${'x'.repeat(i % 7)}"}`);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('LeafBlock', () => {
  it('has the root and border of CompactRange at every size up to 300 leaves', () => {
    const reference = CompactRange.empty();
    const block = new LeafBlock();
    for (let i = 0; i < 300; i++) {
      const text = new TextDecoder().decode(leafBytes(i));
      reference.appendLeaf(leafBytes(i));
      block.append(i % 3 === 0 ? LeafBlock.leafOfText(text) : LeafBlock.leafOfBytes(leafBytes(i)));
      expect(block.size).toBe(reference.size);
      expect(hex(block.root())).toBe(hex(reference.root()));
      expect(block.borderHashes().map(hex)).toEqual(reference.borderHashes.map(hex));
    }
  });

  it('hashes a leaf as SHA-256 of 0x00 and the UTF-8 bytes of the text', () => {
    const text = '{"tenant":"Zoë 山田 😀"}';
    const expected = createHash('sha256').update(Buffer.of(0)).update(Buffer.from(text, 'utf8')).digest('hex');
    expect(Buffer.from(LeafBlock.leafOfText(text), 'latin1').toString('hex')).toBe(expected);
    expect(Buffer.from(LeafBlock.leafOfBytes(Buffer.from(text, 'utf8')), 'latin1').toString('hex')).toBe(expected);
  });

  it('takes a kept 32-byte leaf hash as it is, and starts over when cleared', () => {
    const kept = createHash('sha256').update('kept').digest();
    const block = new LeafBlock();
    block.append(LeafBlock.leafOfText('{}'));
    block.clear();
    block.append(LeafBlock.fromBytes(kept));
    expect(block.size).toBe(1);
    expect(hex(block.root())).toBe(kept.toString('hex'));
  });
});
