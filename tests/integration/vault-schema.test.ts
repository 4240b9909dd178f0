// The drizzle-orm view of the vault (electron/core/vault/schema.ts) must match what the numbered
// migrations create: every table and column it names exists in a freshly migrated vault.
import path from 'node:path';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SCHEMA } from '../../electron/core/vault/schema';
import { openVault } from '../../electron/core/vault/open-vault';
import { PASSPHRASE } from '../support/cli';
import { tempDir } from '../support/temp';

describe('the drizzle schema', () => {
  it('names only tables and columns that the migrations create', () => {
    const db = openVault(path.join(tempDir(), 'v.vault'), PASSPHRASE, { create: true });
    for (const table of Object.values(SCHEMA)) {
      const name = getTableName(table);
      const columns = (db.prepare(`SELECT name FROM pragma_table_xinfo(?)`).pluck().all(name) as string[]);
      expect(columns.length, `table ${name}`).toBeGreaterThan(0);
      for (const column of Object.values(getTableColumns(table))) {
        expect(columns, `${name}.${column.name}`).toContain(column.name);
      }
    }
    db.close();
  });
});
