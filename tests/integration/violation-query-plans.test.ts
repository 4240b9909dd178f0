// Violations are a few percent of a vault, and every query over them must find them through the
// partial index records_violations rather than read every record: at a million records the queue,
// its filter menus and the seed API's list took 5 to 60 s that way (docs/violations.md, "At scale").
// Checked on the plans SQLite chooses for the statements the real functions prepare.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listViolations } from '../../electron/core/collector/reads/violation-queries';
import { findViolation } from '../../electron/core/violations/case-history';
import { listCases, queueFacets } from '../../electron/core/violations/case-queue';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';
import { statementsPrepared } from '../support/prepared-statements';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

let db: Database.Database | null = null;
afterEach(() => db?.close());

/** The plan lines of every statement `run` prepares that reads the records table. */
function plansOf(vault: Database.Database, run: () => unknown): string[][] {
  return statementsPrepared(vault, run)
    .filter((sql) => /FROM records/.test(sql))
    .map((sql) => {
      const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
      return (vault.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
    });
}

async function vaultWithAViolation(): Promise<Database.Database> {
  const dir = tempDir();
  const vault = path.join(dir, 'v.vault');
  await cli(['init', vault]);
  const violation = { id: 'v1', kind: 'violation', tenant: 'acme', user: 'zoe@example.com', timestamp: '2024-05-01T12:00:00Z', violation_type: 'DATA_BREACH', severity: 'HIGH', status: 'OPEN', description: 'd', details: {} };
  expect((await cli(['import', vault, writeFile(dir, 'r.ndjson', ndjson([logRecord({ tenant: 'acme' }), violation]))])).code).toBe(0);
  expect((await cli(['violations', 'transition', vault, 'v1', '--to', 'INVESTIGATING', '--by', 'amara'])).code).toBe(0);
  return openVault(vault, PASSPHRASE);
}

describe('violation query plans', () => {
  it.each([
    ['the queue', (v: Database.Database) => listCases(v, {})],
    ['the queue by status', (v: Database.Database) => listCases(v, { status: 'OPEN', severity: 'HIGH' })],
    ['the filter menus', (v: Database.Database) => queueFacets(v)],
    ['a case by id alone', (v: Database.Database) => findViolation(v, 'v1')],
    ["the seed API's list", (v: Database.Database) => listViolations(v, { status: 'OPEN' }, 1, 50)],
  ])('%s reads no whole table or whole time index', async (_name, run) => {
    db = await vaultWithAViolation();
    const plans = plansOf(db, () => run(db!));
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      expect(plan.join('\n')).not.toMatch(/^SCAN /m);
    }
    expect(plans.flat().join('\n')).toContain('USING INDEX records_violations');
  });
});
