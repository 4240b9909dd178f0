// verify rebuilds the tree block by block with its own small compact range (electron/core/vault/
// leaf-block.ts, hashes kept as strings for speed). It must give the roots and borders of the ledger's
// CompactRange at every size, or a checkpoint would be judged against the wrong tree.
import { createHash, hash } from 'node:crypto';
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
      reference.appendLeaf(leafBytes(i));
      block.append(hash('sha256', Buffer.concat([Buffer.of(0), leafBytes(i)]), 'binary'));
      expect(block.size).toBe(reference.size);
      expect(hex(block.root())).toBe(hex(reference.root()));
      expect(block.borderHashes().map(hex)).toEqual(reference.borderHashes.map(hex));
    }
  });

  it('takes a kept 32-byte leaf hash as it is, and starts over when cleared', () => {
    const kept = createHash('sha256').update('kept').digest();
    const block = new LeafBlock();
    block.append(hash('sha256', '\0{}', 'binary'));
    block.clear();
    block.append(LeafBlock.fromBytes(kept));
    expect(block.size).toBe(1);
    expect(hex(block.root())).toBe(kept.toString('hex'));
  });
});
