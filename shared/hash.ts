// SHA-256 behind a port: shared/ may not import node:crypto, but the engine wants OpenSSL's speed.
// The renderer and tests use the pure-JS default; electron/core passes a node:crypto implementation.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface Sha256Port {
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
  hexOfText(text: string): string;
}

const encoder = new TextEncoder();

export const pureSha256: Sha256Port = {
  hexOfText: (text) => bytesToHex(sha256(encoder.encode(text))),
};

export const ZERO_HASH = '0'.repeat(64);
