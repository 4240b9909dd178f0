import { createHash } from 'node:crypto';
import type { Sha256Port } from '../../shared/hash';

/** OpenSSL's SHA-256: several times faster than the pure-JS default in shared/hash. */
export const nodeSha256: Sha256Port = {
  hexOfText: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
};
