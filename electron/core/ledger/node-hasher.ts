import { createHash, hash } from 'node:crypto';
import { merkleHasherFrom, type MerkleHasher } from '../../../shared/ledger';

/** RFC 9162 hashing with OpenSSL's SHA-256, one-shot: a Hash object per node costs more than the hashing. */
export const nodeMerkleHasher: MerkleHasher = merkleHasherFrom((...parts) =>
  hash('sha256', parts.length === 1 ? parts[0]! : Buffer.concat(parts), 'buffer'));

const LEAF_PREFIX = Buffer.of(0);

/** The leaf hash of a record: SHA-256(0x00 ‖ its stored canonical bytes). */
export function recordLeafHash(canonical: string): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(canonical, 'utf8').digest();
}
