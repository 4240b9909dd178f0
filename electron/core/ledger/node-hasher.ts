import { hash } from 'node:crypto';
import { merkleHasherFrom, type MerkleHasher } from '../../../shared/ledger';

/**
 * RFC 9162 hashing with OpenSSL's SHA-256, one-shot over the joined parts: a Hash object per interior
 * node cost more than the hashing.
 */
export const nodeMerkleHasher: MerkleHasher = merkleHasherFrom((...parts) => hash('sha256', Buffer.concat(parts), 'buffer'));

/**
 * The leaf hash of a record: SHA-256(0x00 ‖ its stored canonical bytes). U+0000 is the single byte 0x00
 * in UTF-8, so the prefix can ride in the string; the one-shot hash costs half of a Hash object (an
 * import hashes every record this way: ~4 s of its main thread at a million records).
 */
export function recordLeafHash(canonical: string): Buffer {
  return hash('sha256', `\0${canonical}`, 'buffer');
}

/** The same, as hex (to pass between threads: see ingest/chain-ahead.ts). */
export function recordLeafHashHex(canonical: string): string {
  return hash('sha256', `\0${canonical}`, 'hex');
}
