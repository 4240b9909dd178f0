// Ed25519 keys for c2sp.org/signed-note, in the text encodings of golang.org/x/mod/sumdb/note so keys
// move freely between AuditDesk and the Go tooling (and a third party's script):
//   verifier key: <name>+<8 hex key id>+base64(0x01 || 32-byte public key)
//   signer key:   PRIVATE+KEY+<name>+<8 hex key id>+base64(0x01 || 32-byte Ed25519 seed)
//   key id:       first 4 bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key)
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { fromBase64, toBase64, utf8 } from './encoding';
import { LedgerFormatError } from './ledger-errors';

/** Signature type byte for Ed25519 in signed notes. */
export const ED25519_SIGNATURE_TYPE = 0x01;

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(message: Uint8Array): Uint8Array;
}

export interface Ed25519NoteVerifier extends NoteVerifier {
  readonly publicKey: Uint8Array;
  /** The verifier key string, `name+keyid+base64(0x01||publicKey)`. */
  readonly vkey: string;
}

export interface Ed25519NoteSigner extends NoteSigner {
  readonly publicKey: Uint8Array;
  readonly vkey: string;
  /** The matching verifier, e.g. for the vault to check its own checkpoints. */
  readonly verifier: Ed25519NoteVerifier;
}

/** Key names are non-empty and contain no Unicode space and no '+' (they end at the first '+'). */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s\u0085+]/u.test(name) && !/[\u0000-\u001f]/.test(name);
}

/** key ID = SHA-256(name || 0x0A || signatureType || publicKey)[:4] as a big-endian uint32. */
export function noteKeyId(name: string, publicKey: Uint8Array, signatureType = ED25519_SIGNATURE_TYPE): number {
  const h = sha256.create().update(utf8(name)).update(Uint8Array.of(0x0a, signatureType)).update(publicKey).digest();
  return ((h[0]! << 24) >>> 0) + (h[1]! << 16) + (h[2]! << 8) + h[3]!;
}

export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

/** Splits at the first `count` '+' signs only: base64 key material may itself contain '+'. */
function chop(text: string, count: number): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let i = 0; i < count; i++) {
    const at = rest.indexOf('+');
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...parts, rest];
}

function parseKeyId(hex: string, what: string): number {
  if (!/^[0-9a-fA-F]{8}$/.test(hex)) throw new LedgerFormatError(`${what}: key id "${hex}" is not 8 hex digits`);
  return parseInt(hex, 16);
}

function checkName(name: string, what: string): void {
  if (!isValidKeyName(name)) throw new LedgerFormatError(`${what}: key name "${name}" is empty or contains a space or '+'`);
}

export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  checkName(name, 'verifier key');
  if (publicKey.length !== 32) throw new LedgerFormatError(`verifier key: Ed25519 public key is ${publicKey.length} bytes, not 32`);
  const typed = Uint8Array.of(ED25519_SIGNATURE_TYPE, ...publicKey);
  return `${name}+${formatKeyId(noteKeyId(name, publicKey))}+${toBase64(typed)}`;
}

/** A verifier for an Ed25519 public key (strict RFC 8032 checks, not the laxer ZIP-215 rules). */
export function ed25519Verifier(name: string, publicKey: Uint8Array): Ed25519NoteVerifier {
  const vkey = formatVerifierKey(name, publicKey);
  const key = publicKey.slice();
  return {
    name,
    keyId: noteKeyId(name, key),
    publicKey: key,
    vkey,
    verify(message, signature) {
      if (signature.length !== 64) return false;
      try {
        return ed25519.verify(signature, message, key, { zip215: false });
      } catch {
        return false; // a public key that is not a curve point verifies nothing
      }
    },
  };
}

/** Parses `name+keyid+base64(0x01||publicKey)`; throws LedgerFormatError naming the problem. */
export function parseVerifierKey(vkey: string): Ed25519NoteVerifier {
  const what = 'verifier key';
  const parts = chop(vkey.trim(), 2);
  if (parts.length !== 3) throw new LedgerFormatError(`${what}: expected name+keyid+base64key`);
  const [name, hexId, b64] = parts as [string, string, string];
  checkName(name, what);
  const keyId = parseKeyId(hexId, what);
  const typed = fromBase64(b64);
  if (!typed) throw new LedgerFormatError(`${what}: key is not valid base64`);
  if (typed[0] !== ED25519_SIGNATURE_TYPE) {
    throw new LedgerFormatError(`${what}: signature type 0x${(typed[0] ?? 0).toString(16)} is not supported (only Ed25519, 0x01)`);
  }
  if (typed.length !== 33) throw new LedgerFormatError(`${what}: Ed25519 public key is ${typed.length - 1} bytes, not 32`);
  const publicKey = typed.slice(1);
  if (noteKeyId(name, publicKey) !== keyId) throw new LedgerFormatError(`${what}: key id ${hexId} does not match the name and key`);
  return ed25519Verifier(name, publicKey);
}

/** A signer from a 32-byte Ed25519 seed (the RFC 8032 private key). */
export function ed25519Signer(name: string, seed: Uint8Array): Ed25519NoteSigner {
  checkName(name, 'signer key');
  if (seed.length !== 32) throw new LedgerFormatError(`signer key: Ed25519 seed is ${seed.length} bytes, not 32`);
  const secret = seed.slice();
  const verifier = ed25519Verifier(name, ed25519.getPublicKey(secret));
  return {
    name,
    keyId: verifier.keyId,
    publicKey: verifier.publicKey,
    vkey: verifier.vkey,
    verifier,
    sign: (message) => ed25519.sign(message, secret),
  };
}

export function formatSignerKey(name: string, seed: Uint8Array): string {
  const signer = ed25519Signer(name, seed);
  return `PRIVATE+KEY+${name}+${formatKeyId(signer.keyId)}+${toBase64(Uint8Array.of(ED25519_SIGNATURE_TYPE, ...seed))}`;
}

/** Parses `PRIVATE+KEY+name+keyid+base64(0x01||seed)`; throws LedgerFormatError naming the problem. */
export function parseSignerKey(skey: string): Ed25519NoteSigner {
  const what = 'signer key';
  const parts = chop(skey.trim(), 4);
  if (parts.length !== 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    throw new LedgerFormatError(`${what}: expected PRIVATE+KEY+name+keyid+base64key`);
  }
  const [, , name, hexId, b64] = parts as [string, string, string, string, string];
  checkName(name, what);
  const keyId = parseKeyId(hexId, what);
  const typed = fromBase64(b64);
  if (!typed) throw new LedgerFormatError(`${what}: key is not valid base64`);
  if (typed[0] !== ED25519_SIGNATURE_TYPE) throw new LedgerFormatError(`${what}: only Ed25519 (type 0x01) keys are supported`);
  if (typed.length !== 33) throw new LedgerFormatError(`${what}: Ed25519 seed is ${typed.length - 1} bytes, not 32`);
  const signer = ed25519Signer(name, typed.slice(1));
  if (signer.keyId !== keyId) throw new LedgerFormatError(`${what}: key id ${hexId} does not match the name and key`);
  return signer;
}

/** A new key pair for `name` (random unless a 32-byte seed is given): the skey to keep secret, the vkey to publish. */
export function generateNoteKey(name: string, seed: Uint8Array = randomBytes(32)): { skey: string; vkey: string } {
  return { skey: formatSignerKey(name, seed), vkey: ed25519Signer(name, seed).vkey };
}
