// The Trail answers each filter from an index walked in time order (newest first), never by reading
// the whole records table: at a million records that is the difference between 30 ms and seconds
// (docs/benchmarks.md, "Review UI"). Checked on the query plan SQLite chooses for the real queries.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listTrail } from '../../electron/core/queries/trail-list';
import { openVault } from '../../electron/core/vault/open-vault';
import { PASSPHRASE } from '../support/cli';
import { statementsPrepared } from '../support/prepared-statements';
import { tempDir } from '../support/temp';

let db: Database.Database | null = null;
afterEach(() => db?.close());

/** The plan of every statement listTrail prepares for `filter`. */
function plansOf(vault: Database.Database, filter: Record<string, string>): string[] {
  const statements = statementsPrepared(vault, () => listTrail(vault, { ...filter, limit: 50 }));
  const trail = statements.find((s) => s.includes('ORDER BY'))!;
  const params = [...Object.values(filter), 51];
  return (vault.prepare(`EXPLAIN QUERY PLAN ${trail}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
}

describe('Trail query plans', () => {
  it.each([
    [{}, 'records_time'],
    [{ tenant: 'acme' }, 'records_tenant_time'],
    [{ user: 'ann@acme.test' }, 'records_user_time'],
    [{ operation: 'UPDATE' }, 'records_operation'],
    [{ resource_type: 'invoice' }, 'records_resource_type_time'],
  ])('filter %j walks %s', (filter, index) => {
    db = openVault(path.join(tempDir(), 'plans.vault'), PASSPHRASE, { create: true });
    const plan = plansOf(db, filter as Record<string, string>);
    expect(plan.join('\n')).toContain(`USING INDEX ${index}`);
    expect(plan.join('\n')).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });
});
