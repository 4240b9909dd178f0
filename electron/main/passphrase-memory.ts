// "Remember on this device": passphrases encrypted with Electron safeStorage (the OS keychain /
// DPAPI / libsecret) in the user data folder. Only offered when the OS can actually encrypt: on Linux
// without a keyring safeStorage falls back to a fixed key ('basic_text'), which would be no protection.
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { PassphraseMemory } from '../core/backend/context';

export function passphraseMemory(dataDir: string): PassphraseMemory | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  const file = path.join(dataDir, 'remembered.json');
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, string>) => fs.writeFileSync(file, JSON.stringify(all), { mode: 0o600 });
  return {
    remember(vaultPath, passphrase) {
      write({ ...read(), [vaultPath]: safeStorage.encryptString(passphrase).toString('base64') });
    },
    recall(vaultPath) {
      const stored = read()[vaultPath];
      if (!stored) return null;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null;
      }
    },
    forget(vaultPath) {
      const all = read();
      delete all[vaultPath];
      write(all);
    },
  };
}
