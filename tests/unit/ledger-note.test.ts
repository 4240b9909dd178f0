// c2sp.org/signed-note with Ed25519: the published examples must verify and reproduce byte for byte,
// keys must round-trip in the Go sumdb/note encodings, and malformed or forged notes must be refused
// with a message that names the problem.
import { describe, expect, it } from 'vitest';
import {
  ed25519Signer,
  formatKeyId,
  generateNoteKey,
  LedgerFormatError,
  noteKeyId,
  openNote,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from '../../shared/ledger';
import { GO_NOTE, GO_SKEY, GO_TEXT, GO_VKEY } from '../support/go-note-vectors';

// From /work/shared/vectors/README.md (the C2SP signed-note spec's example).
const SPEC_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE =
  'This is an example message.\n\n' +
  '\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';


describe('published examples', () => {
  it('verifies the C2SP signed-note example with its vkey', () => {
    const result = openNote(SPEC_NOTE, [parseVerifierKey(SPEC_VKEY)]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.note.text).toBe('This is an example message.\n');
      expect(result.verifiedBy.map((s) => s.name)).toEqual(['example.com/foo']);
    }
  });

  it('computes the example key id from SHA-256(name || 0x0A || 0x01 || public key)', () => {
    const v = parseVerifierKey(SPEC_VKEY);
    expect(formatKeyId(noteKeyId(v.name, v.publicKey))).toBe('530d903a');
    expect(v.vkey).toBe(SPEC_VKEY);
  });

  it('reproduces the Go sumdb/note example from its private key', () => {
    const signer = parseSignerKey(GO_SKEY); // its base64 contains '+', which must not split the key
    expect(signer.vkey).toBe(GO_VKEY);
    expect(signNote(GO_TEXT, [signer])).toBe(GO_NOTE);
    expect(openNote(GO_NOTE, [parseVerifierKey(GO_VKEY)]).ok).toBe(true);
  });

  it('accepts the note as UTF-8 bytes too', () => {
    expect(openNote(new TextEncoder().encode(SPEC_NOTE), [parseVerifierKey(SPEC_VKEY)]).ok).toBe(true);
  });
});

describe('keys', () => {
  it('generates a key pair whose skey signs what the vkey verifies', () => {
    const { skey, vkey } = generateNoteKey('auditdesk.local/vault-1');
    expect(skey).toMatch(/^PRIVATE\+KEY\+auditdesk\.local\/vault-1\+[0-9a-f]{8}\+/);
    expect(vkey).toMatch(/^auditdesk\.local\/vault-1\+[0-9a-f]{8}\+/);
    const note = signNote('hello\n', [parseSignerKey(skey)]);
    expect(openNote(note, [parseVerifierKey(vkey)]).ok).toBe(true);
  });

  it('refuses malformed keys, naming the problem', () => {
    const wrongId = SPEC_VKEY.replace('530d903a', '530d903b');
    expect(() => parseVerifierKey(wrongId)).toThrow(/key id 530d903b does not match/);
    expect(() => parseVerifierKey('example.com/foo+530d903a')).toThrow(/expected name\+keyid\+base64key/);
    expect(() => parseVerifierKey('example.com/foo+530d903+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k')).toThrow(/not 8 hex digits/);
    expect(() => parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2')).toThrow(/base64/);
    expect(() => parseVerifierKey('example.com/foo+530d903a+AgkyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k')).toThrow(/0x2 is not supported/);
    expect(() => parseSignerKey(GO_VKEY)).toThrow(/PRIVATE\+KEY/);
    expect(() => parseSignerKey(GO_SKEY.replace('c74f20a3', 'c74f20a4'))).toThrow(LedgerFormatError);
    expect(() => ed25519Signer('bad name', new Uint8Array(32))).toThrow(/space or '\+'/);
  });
});

describe('verification rules', () => {
  const alice = ed25519Signer('alice.example', new Uint8Array(32).fill(1));
  const bob = ed25519Signer('bob.example', new Uint8Array(32).fill(2));

  it('ignores signatures from unknown keys but needs one from a trusted key', () => {
    const note = signNote('checkpoint\n', [bob, alice]);
    expect(openNote(note, [alice.verifier]).ok).toBe(true);
    const none = openNote(note, [ed25519Signer('carol.example', new Uint8Array(32).fill(3)).verifier]);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.reason).toMatch(/no signature by a trusted key.*signed by: bob\.example\+[0-9a-f]{8}, alice/);
  });

  it('rejects an edited text', () => {
    const note = signNote('size 10\n', [alice]).replace('size 10', 'size 11');
    const result = openNote(note, [alice.verifier]);
    expect(result).toEqual({ ok: false, reason: `signed note: signature by alice.example+${formatKeyId(alice.keyId)} does not verify` });
  });

  it('rejects a trusted key that signed twice', () => {
    const once = signNote('text\n', [alice]);
    const twice = once + once.slice(once.indexOf('\u2014'));
    const result = openNote(twice, [alice.verifier]);
    expect(result.ok === false && result.reason).toMatch(/signed more than once/);
  });

  it('keeps blank lines inside the text; the last blank line separates the signatures', () => {
    const text = 'para one\n\npara two\n';
    const opened = openNote(signNote(text, [alice]), [alice.verifier]);
    expect(opened.ok && opened.note.text).toBe(text);
  });

  it('signs non-ASCII text as UTF-8 and refuses text that has no UTF-8 form', () => {
    const opened = openNote(signNote('Zürich audit 😀\n', [alice]), [alice.verifier]);
    expect(opened.ok && opened.note.text).toBe('Zürich audit 😀\n');
    expect(() => signNote('half a pair \uD800\n', [alice])).toThrow(/lone surrogate/);
  });

  it('carries over earlier signatures when adding one (cosigning)', () => {
    const first = parseNote(signNote('text\n', [alice]));
    const cosigned = signNote(first.text, [bob], first.signatures);
    expect(openNote(cosigned, [alice.verifier, bob.verifier]).ok && parseNote(cosigned).signatures.map((s) => s.name)).toEqual(['bob.example', 'alice.example']);
  });
});

describe('malformed notes', () => {
  const sigLine = SPEC_NOTE.slice(SPEC_NOTE.indexOf('\u2014'));
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['no blank line', 'This is an example message.\n' + sigLine, /no blank line/],
    ['no final newline', SPEC_NOTE.slice(0, -1), /does not end with a newline/],
    ['no signatures', 'text\n\n', /no signature lines/],
    ['a control character', 'tab\there\n\n' + sigLine, /control character U\+0009/],
    ['a carriage return', 'line\r\n\n' + sigLine, /control character U\+000d/],
    ['a hyphen for the em dash', 'text\n\n- example.com/foo AAAAAAAAAAAA\n', /does not start with "— "/],
    ['no key name separator', 'text\n\n\u2014 example.com/foo\n', /no space between key name and signature/],
    ['a key name with +', 'text\n\n\u2014 a+b AAAAAAAA\n', /key name "a\+b"/],
    ['bad base64', 'text\n\n\u2014 example.com/foo not*base64\n', /not valid base64/],
    ['a signature shorter than a key id', 'text\n\n\u2014 example.com/foo AAAAAA==\n', /shorter than a key id/],
    ['invalid UTF-8', new Uint8Array([0x74, 0xff, 0x0a, 0x0a]), /not valid UTF-8/],
  ];

  it.each(cases)('rejects %s', (_what, note, message) => {
    expect(() => parseNote(note)).toThrow(LedgerFormatError);
    expect(() => parseNote(note)).toThrow(message);
    const result = openNote(note, [parseVerifierKey(SPEC_VKEY)]);
    expect(result.ok === false && result.reason).toMatch(message);
  });

  it('refuses to sign text that is not a valid note text', () => {
    const alice = ed25519Signer('alice.example', new Uint8Array(32).fill(1));
    expect(() => signNote('no newline', [alice])).toThrow(/does not end with a newline/);
    expect(() => signNote('bell\u0007\n', [alice])).toThrow(/control character/);
  });
});
