// The vault owner's Ed25519 checkpoint key. The private key never sits in the vault's tables: for the
// CLI it lives beside the vault in VAULT.signing-key, encrypted with the vault passphrase (scrypt +
// AES-256-GCM); the desktop app may keep it in the OS keychain instead (Electron safeStorage).
// The public key (a c2sp.org signed-note vkey) and the log's origin are in the settings table.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { generateNoteKey, type NoteSigner } from '../../../shared/ledger';
import { UserError } from '../errors';
import { readSetting, writeSetting } from '../vault/settings';
import { nodeNoteSigner } from './node-note-signer';

const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

interface KeyFile {
  format: 'auditdesk-signing-key/1';
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string; tag: string; data: string };
}

export function signingKeyPath(vaultPath: string): string {
  return `${vaultPath}.signing-key`;
}

export function encryptSigningKey(skey: string, passphrase: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(passphrase, salt, 32, SCRYPT);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(skey, 'utf8'), cipher.final()]);
  const file: KeyFile = {
    format: 'auditdesk-signing-key/1',
    kdf: { name: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function decryptSigningKey(text: string, passphrase: string, where: string): string {
  let file: KeyFile;
  try {
    file = JSON.parse(text) as KeyFile;
    if (file.format !== 'auditdesk-signing-key/1') throw new Error('format');
  } catch {
    throw new UserError(`${where} is not an AuditDesk signing key file`);
  }
  const { N, r, p, salt } = file.kdf;
  const key = scryptSync(passphrase, Buffer.from(salt, 'base64'), 32, { N, r, p, maxmem: SCRYPT.maxmem });
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.cipher.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(file.cipher.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new UserError(`${where}: the passphrase does not open this signing key`);
  }
}

/** Makes the vault's key at `init`: origin and public key into settings, the private key into its file. */
export function createSigningKey(db: Database.Database, vaultPath: string, passphrase: string): string {
  const vaultId = randomBytes(8).toString('hex');
  const origin = `auditdesk.local/vault/${vaultId}`;
  const { skey, vkey } = generateNoteKey(origin);
  writeSetting(db, 'ledger_origin', origin);
  writeSetting(db, 'ledger_vkey', vkey);
  fs.writeFileSync(signingKeyPath(vaultPath), encryptSigningKey(skey, passphrase), { mode: 0o600, flag: 'wx' });
  return vkey;
}

export function ledgerIdentity(db: Database.Database): { origin: string; vkey: string } | null {
  const origin = readSetting<string>(db, 'ledger_origin');
  const vkey = readSetting<string>(db, 'ledger_vkey');
  return origin && vkey ? { origin, vkey } : null;
}

/** The signer from VAULT.signing-key, or null when there is no key file (checkpoints are then not made). */
export function loadSigner(vaultPath: string, passphrase: string): NoteSigner | null {
  const skey = readSigningKey(vaultPath, passphrase);
  return skey === null ? null : nodeNoteSigner(skey);
}

/** The private key text (`PRIVATE+KEY+…`) from VAULT.signing-key, or null when there is no key file. */
export function readSigningKey(vaultPath: string, passphrase: string): string | null {
  const file = signingKeyPath(vaultPath);
  if (!fs.existsSync(file)) return null;
  return decryptSigningKey(fs.readFileSync(file, 'utf8'), passphrase, file);
}

/** Re-encrypts the key file for a new passphrase (`passwd`); written aside, then renamed into place. */
export function rekeySigningKey(vaultPath: string, oldPassphrase: string, newPassphrase: string): void {
  const file = signingKeyPath(vaultPath);
  if (!fs.existsSync(file)) return;
  const skey = decryptSigningKey(fs.readFileSync(file, 'utf8'), oldPassphrase, file);
  fs.writeFileSync(`${file}.new`, encryptSigningKey(skey, newPassphrase), { mode: 0o600 });
  fs.renameSync(`${file}.new`, file);
}
