// The archive file's envelope: encrypted and authenticated, so a changed byte anywhere is refused.
//
//   AUDITDESK-ARCHIVE/1\n
//   {"kdf":{"name":"scrypt","N":32768,"r":8,"p":1,"salt":"…"},"cipher":{"name":"aes-256-gcm","iv":"…"}}\n
//   <AES-256-GCM ciphertext of gzip(payload)><16-byte GCM tag>
//
// The key is scrypt(passphrase, salt); the first two lines are the GCM additional data, so the header
// cannot be altered either. The payload (NDJSON: a manifest line, then one line per record) is
// described in archive-payload.ts and docs/retention.md.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { UserError } from '../../errors';

export const ARCHIVE_MAGIC = 'AUDITDESK-ARCHIVE/1';
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const TAG_BYTES = 16;

interface Header {
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string };
}

export function sealArchive(payload: Buffer, passphrase: string): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: Header = {
    kdf: { name: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') },
  };
  const head = Buffer.from(`${ARCHIVE_MAGIC}\n${JSON.stringify(header)}\n`, 'utf8');
  const key = scryptSync(passphrase, salt, 32, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(head);
  const body = Buffer.concat([cipher.update(gzipSync(payload)), cipher.final()]);
  return Buffer.concat([head, body, cipher.getAuthTag()]);
}

/** The payload, or a UserError (exit 1: the file does not verify) when the file was altered. */
export function openArchive(file: Buffer, passphrase: string, where: string): Buffer {
  const first = file.indexOf(0x0a);
  const second = first < 0 ? -1 : file.indexOf(0x0a, first + 1);
  if (first < 0 || second < 0 || file.subarray(0, first).toString('utf8') !== ARCHIVE_MAGIC) {
    throw new UserError(`${where} is not an AuditDesk archive (it does not start with ${ARCHIVE_MAGIC})`, 1);
  }
  let header: Header;
  try {
    header = JSON.parse(file.subarray(first + 1, second).toString('utf8')) as Header;
    if (header.kdf.name !== 'scrypt' || header.cipher.name !== 'aes-256-gcm') throw new Error('unknown');
  } catch {
    throw new UserError(`${where}: the archive header is damaged`, 1);
  }
  const head = file.subarray(0, second + 1);
  const body = file.subarray(second + 1);
  if (body.length < TAG_BYTES) throw new UserError(`${where}: the archive is cut short`, 1);
  const { N, r, p, salt } = header.kdf;
  const key = scryptSync(passphrase, Buffer.from(salt, 'base64'), 32, { N, r, p, maxmem: SCRYPT.maxmem });
  let compressed: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
    decipher.setAAD(head);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    compressed = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new UserError(`${where}: refused: the archive was altered, or the passphrase is not the one it was written with`, 1);
  }
  return gunzipSync(compressed);
}
