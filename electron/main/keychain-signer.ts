// The checkpoint signing key in the desktop app, protected by the OS keychain (Electron safeStorage:
// Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux), as issue 4 asks. The key file
// beside the vault (VAULT.signing-key, encrypted with the passphrase) stays the portable form that
// the CLI uses; on the first unlock on this device its key is copied into the keychain, keyed by the
// vault's public key, and later unlocks sign with the keychain's copy. Never in the vault's tables.
// Where the OS cannot really encrypt (Linux without a keyring: 'basic_text'), the key file is used.
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { SignerSource } from '../core/backend/vault-session';
import { nodeNoteSigner } from '../core/ledger/node-note-signer';
import { ledgerIdentity, loadSigner, readSigningKey } from '../core/ledger/signing-key';

export function keychainSigner(dataDir: string): SignerSource {
  const usable = () =>
    safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  return (vaultPath, passphrase, db) => {
    const identity = ledgerIdentity(db);
    if (!identity || !usable()) return loadSigner(vaultPath, passphrase);
    const dir = path.join(dataDir, 'signing-keys');
    // The file name is the public key's key id and name, so a vault replaced at the same path never
    // picks up another vault's key.
    const file = path.join(dir, `${identity.vkey.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 120)}.key`);
    if (fs.existsSync(file)) {
      const signer = nodeNoteSigner(safeStorage.decryptString(fs.readFileSync(file)));
      if (signer.vkey === identity.vkey) return signer;
    }
    const skey = readSigningKey(vaultPath, passphrase);
    if (skey === null) return null;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, safeStorage.encryptString(skey), { mode: 0o600 });
    return nodeNoteSigner(skey);
  };
}
