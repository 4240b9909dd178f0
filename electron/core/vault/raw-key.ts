// The key SQLCipher 4 derives from a vault's passphrase (PBKDF2-HMAC-SHA512, 256,000 rounds, over the
// 16-byte salt at the start of the file), for worker threads that open the vault again: handed the
// derived key, a worker opens in ~4 ms instead of ~130 ms. The CLI derives it on the thread pool while
// its main thread opens the vault with the passphrase, so the two derivations overlap on two cores.
import fs from 'node:fs';
import { pbkdf2 } from 'node:crypto';

const SALT_BYTES = 16;
const KDF_ROUNDS = 256_000; // SQLCipher 4's default, which every vault uses (`legacy = 4`)
const KEY_BYTES = 32;

/**
 * The derived key as hex, or null when it cannot be had (no file yet, unreadable): then use the
 * passphrase. The salt is read at once, synchronously, so that the derivation is on the thread pool
 * before the caller's own synchronous open begins: read asynchronously, it waited for that open to
 * finish, and the two ran one after the other (~0.13 s lost by every report, verify and detection).
 */
export function deriveRawKey(path: string, passphrase: string): Promise<string | null> {
  const salt = Buffer.alloc(SALT_BYTES);
  try {
    const fd = fs.openSync(path, 'r');
    try {
      if (fs.readSync(fd, salt, 0, SALT_BYTES, 0) !== SALT_BYTES) return Promise.resolve(null);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve) =>
    pbkdf2(Buffer.from(passphrase, 'utf8'), salt, KDF_ROUNDS, KEY_BYTES, 'sha512', (error, derived) => resolve(error ? null : derived.toString('hex'))));
}

/** What a worker thread needs to open the vault again; `rawKey` when the caller derived it ahead. */
export interface VaultAccess {
  vaultPath: string;
  passphrase: string;
  rawKey?: Promise<string | null> | null;
}

/** VaultAccess as a worker's input (structured-clonable): the derived key awaited, null if none. */
export interface WorkerVaultAccess {
  vaultPath: string;
  passphrase: string;
  /** The derived key: the worker opens without deriving it again. */
  rawKey: string | null;
}

export async function forWorker(access: VaultAccess): Promise<WorkerVaultAccess> {
  return { vaultPath: access.vaultPath, passphrase: access.passphrase, rawKey: (await access.rawKey) ?? null };
}
