// The vault signs checkpoints with OpenSSL's Ed25519 (electron/core/ledger/node-note-signer.ts) for
// speed; a note it signs must be the very note the portable signer in shared/ would make, so anyone
// verifying with the published key sees no difference.
import { describe, expect, it } from 'vitest';
import { generateNoteKey, LedgerFormatError, openNote, parseSignerKey, parseVerifierKey, signNote } from '../../shared/ledger';
import { nodeNoteSigner } from '../../electron/core/ledger/node-note-signer';
import { GO_NOTE, GO_SKEY, GO_TEXT, GO_VKEY } from '../support/go-note-vectors';


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
