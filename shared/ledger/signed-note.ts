// c2sp.org/signed-note: a text ending in "\n", a blank line, then one or more signature lines
// "— <key name> base64(4-byte key id || signature)\n". The signature covers the text bytes exactly
// (final newline included, separating blank line excluded). Verification follows the spec's rules:
// signatures from unknown keys are ignored, a failing signature from a known key rejects the whole
// note, and at least one known key must have signed.
import { fromBase64, fromUtf8, toBase64, utf8 } from './encoding';
import { failed, LedgerFormatError, type Verified } from './ledger-errors';
import { formatKeyId, isValidKeyName, type NoteSigner, type NoteVerifier } from './note-keys';

export interface NoteSignature {
  /** Key name as written on the signature line. */
  name: string;
  /** The 4-byte key id (big-endian uint32) that prefixes the signature bytes. */
  keyId: number;
  /** The signature proper, without the key id. */
  signature: Uint8Array;
}

export interface Note {
  /** The signed text, ending in "\n". */
  text: string;
  signatures: NoteSignature[];
}

/** More signatures than this and the note is refused (the spec asks verifiers to accept at least 16). */
export const MAX_NOTE_SIGNATURES = 100;

const SIGNATURE_PREFIX = '\u2014 '; // em dash, space

function asText(note: string | Uint8Array): string {
  if (typeof note === 'string') {
    if (/[\uD800-\uDFFF]/u.test(note)) throw new LedgerFormatError('signed note: text is not valid Unicode (lone surrogate)');
    return note;
  }
  const text = fromUtf8(note);
  if (text === undefined) throw new LedgerFormatError('signed note: not valid UTF-8');
  return text;
}

function checkNoteText(text: string, what: string): void {
  const control = /[\u0000-\u0009\u000b-\u001f]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
    throw new LedgerFormatError(`${what}: contains control character U+${code} (only newline is allowed)`);
  }
  if (!text.endsWith('\n')) throw new LedgerFormatError(`${what}: text does not end with a newline`);
}

/** Splits a signed note into its text and signature lines; throws LedgerFormatError naming the problem. */
export function parseNote(note: string | Uint8Array): Note {
  const whole = asText(note);
  checkNoteText(whole, 'signed note');
  const split = whole.lastIndexOf('\n\n');
  if (split < 0) throw new LedgerFormatError('signed note: no blank line between the text and the signatures');
  const text = whole.slice(0, split + 1);
  const block = whole.slice(split + 2);
  if (block === '') throw new LedgerFormatError('signed note: no signature lines after the blank line');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw new LedgerFormatError(`signed note: more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures = lines.map((line, i) => parseSignatureLine(line, i + 1));
  return { text, signatures };
}

function parseSignatureLine(line: string, n: number): NoteSignature {
  const what = `signed note: signature line ${n}`;
  if (!line.startsWith(SIGNATURE_PREFIX)) throw new LedgerFormatError(`${what} does not start with "— " (em dash, space)`);
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) throw new LedgerFormatError(`${what} has no space between key name and signature`);
  const name = rest.slice(0, space);
  if (!isValidKeyName(name)) throw new LedgerFormatError(`${what}: key name "${name}" is empty or contains a space or '+'`);
  const bytes = fromBase64(rest.slice(space + 1));
  if (!bytes) throw new LedgerFormatError(`${what}: signature is not valid base64`);
  if (bytes.length < 5) throw new LedgerFormatError(`${what}: signature is ${bytes.length} bytes, shorter than a key id plus a signature`);
  const keyId = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;
  return { name, keyId, signature: bytes.slice(4) };
}

function formatSignatureLine(sig: NoteSignature): string {
  const bytes = new Uint8Array(4 + sig.signature.length);
  new DataView(bytes.buffer).setUint32(0, sig.keyId);
  bytes.set(sig.signature, 4);
  return `${SIGNATURE_PREFIX}${sig.name} ${toBase64(bytes)}\n`;
}

/** The note's text form: text, blank line, signature lines. */
export function formatNote(note: Note): string {
  checkNoteText(note.text, 'note text');
  if (note.signatures.length === 0) throw new LedgerFormatError('signed note: needs at least one signature');
  for (const s of note.signatures) {
    if (!isValidKeyName(s.name)) throw new LedgerFormatError(`signed note: key name "${s.name}" is empty or contains a space or '+'`);
  }
  return note.text + '\n' + note.signatures.map(formatSignatureLine).join('');
}

/**
 * Signs `text` with each signer and returns the signed note. `keep` are signatures to carry over
 * (e.g. a witness's cosignature), written after the new ones.
 */
export function signNote(text: string, signers: readonly NoteSigner[], keep: readonly NoteSignature[] = []): string {
  checkNoteText(asText(text), 'note text');
  const message = utf8(text);
  const fresh = signers.map((s) => ({ name: s.name, keyId: s.keyId, signature: s.sign(message) }));
  return formatNote({ text, signatures: [...fresh, ...keep] });
}

/**
 * Verifies a signed note against trusted keys. On success returns the text and the signatures that
 * verified; otherwise the reason: malformed note, a known key's signature failing, a key signing twice,
 * or no signature by any known key.
 */
export function openNote(
  note: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
): Verified<{ note: Note; verifiedBy: NoteSignature[] }> {
  let parsed: Note;
  try {
    parsed = parseNote(note);
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e));
  }
  const message = utf8(parsed.text);
  const seen = new Set<string>();
  const verifiedBy: NoteSignature[] = [];
  for (const sig of parsed.signatures) {
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (!verifier) continue; // unknown key: ignored, as the spec requires
    const key = `${sig.name}+${formatKeyId(sig.keyId)}`;
    if (seen.has(key)) return failed(`signed note: key ${key} signed more than once`);
    seen.add(key);
    if (!verifier.verify(message, sig.signature)) return failed(`signed note: signature by ${key} does not verify`);
    verifiedBy.push(sig);
  }
  if (verifiedBy.length === 0) {
    const known = verifiers.map((v) => `${v.name}+${formatKeyId(v.keyId)}`).join(', ') || 'none';
    const present = parsed.signatures.map((s) => `${s.name}+${formatKeyId(s.keyId)}`).join(', ');
    return failed(`signed note: no signature by a trusted key (trusted: ${known}; signed by: ${present})`);
  }
  return { ok: true, note: parsed, verifiedBy };
}
