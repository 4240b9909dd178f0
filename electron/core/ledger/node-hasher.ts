import { createHash } from 'node:crypto';
import { merkleHasherFrom, type MerkleHasher } from '../../../shared/ledger';

/** RFC 9162 hashing with OpenSSL's SHA-256. */
export const nodeMerkleHasher: MerkleHasher = merkleHasherFrom((...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
});

const LEAF_PREFIX = Buffer.of(0);

/** The leaf hash of a record: SHA-256(0x00 ‖ its stored canonical bytes). */
export function recordLeafHash(canonical: string): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(canonical, 'utf8').digest();
}
