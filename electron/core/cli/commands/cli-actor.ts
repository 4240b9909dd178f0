import os from 'node:os';
import type { CliIo } from '../io';

/** Who runs a command that writes a record (a case change, a hold): --by, else the OS user. */
export function cliActor(by: unknown, io: CliIo): string {
  if (typeof by === 'string' && by.trim()) return by.trim();
  const fromEnv = io.env.USER ?? io.env.USERNAME;
  if (fromEnv) return fromEnv;
  try {
    return os.userInfo().username;
  } catch {
    return 'auditdesk-cli';
  }
}
