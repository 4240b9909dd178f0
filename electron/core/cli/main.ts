// The `auditdesk` command line (CONTRACT §3). Every command runs in plain Node, without Electron.
import { parseArgs } from 'node:util';
import { UserError } from '../errors';
import type { Command } from './command';
import { checkpointCommand } from './commands/checkpoint';
import { exportCommand } from './commands/export';
import { generateCommand } from './commands/generate';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { keysCommand } from './commands/keys';
import { passwdCommand } from './commands/passwd';
import { proofCommand } from './commands/proof';
import { verifyCommand } from './commands/verify';
import { verifyFileCommand } from './commands/verify-file';
import { verifyProofCommand } from './commands/verify-proof';
import type { CliIo } from './io';

export const COMMANDS: Command[] = [initCommand, passwdCommand, importCommand, exportCommand, verifyCommand, verifyFileCommand, checkpointCommand, proofCommand, verifyProofCommand, generateCommand, keysCommand];

export function registerCommand(command: Command): void {
  COMMANDS.push(command);
}

function help(): string {
  return `usage: auditdesk COMMAND …\n\n${COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n')}\n\n` +
    'The vault passphrase comes from AUDITDESK_PASSPHRASE, else --passphrase-file F, else a prompt.\n' +
    'Exit status: 0 ok, 1 integrity failure found, 2 bad input or a vault that cannot be opened.\n';
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`auditdesk: unknown command ${JSON.stringify(name)}\n\n${help()}`);
    return 2;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UserError(`${(error as Error).message}\nusage: ${command.usage}`);
    }
    return await command.run(parsed as never, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(`auditdesk ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    // A bug, not bad input: say so plainly; the stack only on request.
    io.stderr.write(`auditdesk ${name}: unexpected error: ${(error as Error).message}\n`);
    if (io.env.AUDITDESK_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}
