// The `auditdesk` command line (CONTRACT §3). Every command runs in plain Node, without Electron.
import { parseArgs } from 'node:util';
import { UserError } from '../errors';
import type { Command } from './command';
import { COMMAND_ENTRIES } from './command-registry';
import type { CliIo } from './io';

/** Commands registered at run time (tests, plugins); the built-in ones are in command-registry.ts. */
export const COMMANDS: Command[] = [];

export function registerCommand(command: Command): void {
  COMMANDS.push(command);
}

async function findCommand(name: string): Promise<Command | undefined> {
  const registered = COMMANDS.find((c) => c.name === name);
  if (registered) return registered;
  return COMMAND_ENTRIES.find((e) => e.name === name)?.load();
}

async function help(): Promise<string> {
  const all = [...(await Promise.all(COMMAND_ENTRIES.map((e) => e.load()))), ...COMMANDS];
  return `usage: auditdesk COMMAND …\n\n${all.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n')}\n\n` +
    'The vault passphrase comes from AUDITDESK_PASSPHRASE, else --passphrase-file F, else a prompt.\n' +
    'Exit status: 0 ok, 1 integrity failure found, 2 bad input or a vault that cannot be opened.\n';
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(await help());
    return name ? 0 : 2;
  }
  const command = await findCommand(name);
  if (!command) {
    io.stderr.write(`auditdesk: unknown command ${JSON.stringify(name)}\n\n${await help()}`);
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
