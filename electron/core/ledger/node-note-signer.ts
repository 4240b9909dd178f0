// The vault's checkpoint signer with Node's own Ed25519 (OpenSSL) in place of the portable one in
// shared/: the collector signs a checkpoint after every batch, and the pure-JS signature took about a
// millisecond of a single-record POST where OpenSSL takes a few dozen microseconds. Ed25519 signatures
// are deterministic, so both give the same bytes (a test checks it).
import { createPrivateKey, sign } from 'node:crypto';
import { fromBase64, parseSignerKey, type Ed25519NoteSigner } from '../../../shared/ledger';

// DER of a PKCS #8 Ed25519 private key, up to the 32-byte seed (RFC 8410 §7).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Parses `PRIVATE+KEY+name+keyid+base64(0x01||seed)` (errors as parseSignerKey's) into a signer that signs with OpenSSL. */
export function nodeNoteSigner(skey: string): Ed25519NoteSigner {
  const portable = parseSignerKey(skey);
  // The key is everything after the fourth '+' (base64 has '+' of its own); parseSignerKey checked it.
  const seed = fromBase64(skey.trim().split('+').slice(4).join('+'))!.subarray(1);
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return { ...portable, sign: (message) => new Uint8Array(sign(null, message, key)) };
}
