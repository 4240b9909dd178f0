// The vault signs checkpoints with OpenSSL's Ed25519 (electron/core/ledger/node-note-signer.ts) for
// speed; a note it signs must be the very note the portable signer in shared/ would make, so anyone
// verifying with the published key sees no difference.
import { describe, expect, it } from 'vitest';
import { generateNoteKey, LedgerFormatError, openNote, parseSignerKey, parseVerifierKey, signNote } from '../../shared/ledger';
import { nodeNoteSigner } from '../../electron/core/ledger/node-note-signer';

// From the documentation of golang.org/x/mod/sumdb/note (data only), as in ledger-note.test.ts.
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = GO_TEXT + '\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

describe('the OpenSSL checkpoint signer', () => {
  it('signs the published example byte for byte as the Go implementation does', () => {
    expect(signNote(GO_TEXT, [nodeNoteSigner(GO_SKEY)])).toBe(GO_NOTE);
  });

  it('gives the same signatures as the portable signer for a fresh key, and they verify', () => {
    const { skey, vkey } = generateNoteKey('auditdesk.local/vault/test');
    const text = 'auditdesk.local/vault/test\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
    const note = signNote(text, [nodeNoteSigner(skey)]);
    expect(note).toBe(signNote(text, [parseSignerKey(skey)]));
    expect(openNote(note, [parseVerifierKey(vkey)]).ok).toBe(true);
    expect(openNote(note, [parseVerifierKey(GO_VKEY)]).ok).toBe(false);
  });

  it('refuses a malformed key with the portable parser’s message', () => {
    expect(() => nodeNoteSigner('PRIVATE+KEY+x+00000000+AQ==')).toThrow(LedgerFormatError);
  });
});
