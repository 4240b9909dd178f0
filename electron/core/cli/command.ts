import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit status: 0 ok, 1 integrity failure found, 2 bad input (CONTRACT §3). */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export const PASSPHRASE_FILE = { 'passphrase-file': { type: 'string' } } as const;
export const JSON_FLAG = { json: { type: 'boolean' } } as const;
