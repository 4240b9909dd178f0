import { spawn } from 'node:child_process';
import path from 'node:path';
import { main } from '../../electron/core/cli/main';

export const PASSPHRASE = 'correct horse battery staple';
export const BIN = path.resolve(__dirname, '../../bin/auditdesk.cjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command in-process, as the binary would, with the test passphrase in the environment. */
export async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { AUDITDESK_PASSPHRASE: PASSPHRASE, ...env },
  });
  return { code, stdout, stderr };
}

/** Runs the real built binary in a child process (needs `npm run build` first; npm test does it). */
export function spawnCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, AUDITDESK_PASSPHRASE: PASSPHRASE, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
