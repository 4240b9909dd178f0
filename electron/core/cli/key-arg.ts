import fs from 'node:fs';
import { UserError } from '../errors';

/** `--key VKEY|KEYFILE`: the vault's public key itself, or a file holding it. */
export function vaultKeyArg(value: string | boolean | string[] | undefined): string {
  if (typeof value !== 'string') throw new UserError("--key is required: the vault's public key (printed by `auditdesk init`), or a file holding it");
  return fs.existsSync(value) ? fs.readFileSync(value, 'utf8').trim() : value;
}
