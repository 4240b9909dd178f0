// Every command, loaded only when it runs: `verify-file` should not pay for loading the PDF engine.
// To add a command, add one line here.
import type { Command } from './command';

export interface CommandEntry {
  name: string;
  load: () => Promise<Command>;
}

const entry = <M>(name: string, load: () => Promise<M>, key: keyof M): CommandEntry => ({
  name,
  load: async () => (await load())[key] as Command,
});

export const COMMAND_ENTRIES: CommandEntry[] = [
  entry('init', () => import('./commands/init'), 'initCommand'),
  entry('passwd', () => import('./commands/passwd'), 'passwdCommand'),
  entry('import', () => import('./commands/import'), 'importCommand'),
  entry('export', () => import('./commands/export'), 'exportCommand'),
  entry('verify', () => import('./commands/verify'), 'verifyCommand'),
  entry('verify-file', () => import('./commands/verify-file'), 'verifyFileCommand'),
  entry('checkpoint', () => import('./commands/checkpoint'), 'checkpointCommand'),
  entry('proof', () => import('./commands/proof'), 'proofCommand'),
  entry('verify-proof', () => import('./commands/verify-proof'), 'verifyProofCommand'),
  entry('consistency', () => import('./commands/consistency'), 'consistencyCommand'),
  entry('verify-consistency', () => import('./commands/verify-consistency'), 'verifyConsistencyCommand'),
  entry('keys', () => import('./commands/keys'), 'keysCommand'),
  entry('report', () => import('./commands/report'), 'reportCommand'),
  entry('verify-report', () => import('./commands/verify-report'), 'verifyReportCommand'),
  entry('serve', () => import('./commands/serve'), 'serveCommand'),
  entry('generate', () => import('./commands/generate'), 'generateCommand'),
  entry('violations', () => import('./commands/violations'), 'violationsCommand'),
  entry('retention', () => import('./commands/retention'), 'retentionCommand'),
  entry('hold', () => import('./commands/hold'), 'holdCommand'),
  entry('archive', () => import('./commands/archive'), 'archiveCommand'),
  entry('witness', () => import('./commands/witness'), 'witnessCommand'),
];
