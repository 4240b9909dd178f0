// A vault of generated records (`auditdesk generate`, then `import`), through the built command line.
import path from 'node:path';
import { expect } from 'vitest';
import { spawnCli } from './cli';
import { tempDir } from './temp';

/** A fresh vault in a new temporary folder holding `records` generated records. */
export async function generatedVault(records: number): Promise<{ dir: string; vault: string }> {
  const dir = tempDir();
  const vault = path.join(dir, 'v.vault');
  const input = path.join(dir, 'in.ndjson');
  expect((await spawnCli(['init', vault])).code).toBe(0);
  expect((await spawnCli(['generate', input, '--records', String(records)])).code).toBe(0);
  const imported = await spawnCli(['import', vault, input]);
  expect(imported.code, imported.stderr).toBe(0);
  return { dir, vault };
}
