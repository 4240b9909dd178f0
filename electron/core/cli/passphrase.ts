// CONTRACT §3: the passphrase comes from AUDITDESK_PASSPHRASE, else --passphrase-file, else a prompt.
import fs from 'node:fs';
import { UserError } from '../errors';
import type { CliIo } from './io';

export async function readPassphrase(
  io: CliIo,
  passphraseFile: string | undefined,
  { envName = 'AUDITDESK_PASSPHRASE', prompt = 'Vault passphrase: ' } = {},
): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  if (passphraseFile) {
    let text: string;
    try {
      text = fs.readFileSync(passphraseFile, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read the passphrase file ${passphraseFile}: ${(error as NodeJS.ErrnoException).code}`);
    }
    // One trailing newline is what editors and `echo` add; it is not part of the passphrase.
    return text.replace(/\r?\n$/, '');
  }
  if (io.promptSecret) return io.promptSecret(prompt);
  throw new UserError(`no passphrase: set ${envName}, pass --passphrase-file FILE, or run in a terminal`);
}
