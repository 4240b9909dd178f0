import { hash } from 'node:crypto';
import type { Sha256Port } from '../../shared/hash';

/** OpenSSL's SHA-256: several times faster than the pure-JS default in shared/hash. */
export const nodeSha256: Sha256Port = {
  // One-shot: for records of a few hundred bytes the Hash object costs more than the hashing.
  hexOfText: (text) => hash('sha256', text, 'hex'),
};
