import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../electron/core/errors';
import { importFile } from '../../electron/core/ingest/import-file';
import { MIGRATIONS } from '../../electron/core/vault/migrations';
import type { Migration } from '../../electron/core/vault/migrations/migration';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson } from '../support/temp';
import { tempDir, writeFile } from '../support/temp';

/** The schema version this build migrates to: numbers may skip (each engineer's branch takes its own). */
const LATEST = MIGRATIONS.at(-1)!.version;

function newVault(dir: string): string {
  const file = path.join(dir, 'audit.vault');
  openVault(file, PASSPHRASE, { create: true }).close();
  return file;
}

describe('the vault file', () => {
  it('is a SQLCipher 4 database: no record content readable in the file or its -wal', async () => {
    const dir = tempDir();
    const vault = newVault(dir);
    const secret = 'Zoë-Łukasz-山田-SECRET-MARKER';
    const file = writeFile(dir, 'a.ndjson', ndjson([logRecord({ resource_name: secret, user: 'secret.user@example.com' })]));
    const db = openVault(vault, PASSPHRASE);
    await importFile(db, file);
    // Look at the files while the connection is still open: the -wal then holds the fresh pages.
    for (const suffix of ['', '-wal', '-journal']) {
      if (!fs.existsSync(vault + suffix)) continue;
      const bytes = fs.readFileSync(vault + suffix);
      expect(bytes.includes(Buffer.from('SECRET-MARKER'))).toBe(false);
      expect(bytes.includes(Buffer.from('secret.user'))).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    }
    db.close();
  });

  it('opens with the sqlite3 shell only as noise, and with the passphrase as a SQLCipher 4 database', () => {
    const dir = tempDir();
    const vault = newVault(dir);
    // Key with the raw SQLCipher 4 defaults, as a standard tool would, through a fresh connection.
    const db = new Database(vault, { readonly: true });
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = '${PASSPHRASE}'`);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all();
    expect(tables.map((t) => (t as { name: string }).name)).toEqual(
      expect.arrayContaining(['records', 'tenants', 'chain_heads', 'imports', 'conflicts', 'settings']),
    );
    db.close();
  });

  it('seeds the settings with the seed system defaults', () => {
    const dir = tempDir();
    const db = openVault(newVault(dir), PASSPHRASE);
    const settings = Object.fromEntries(
      (db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>).map((r) => [r.key, JSON.parse(r.value)]),
    );
    db.close();
    expect(settings.sensitive_fields).toEqual(['password', 'ssn', 'credit_card', 'bank_account']);
    expect(settings.retention_days).toEqual({ SOX: 2555, PCI_DSS: 1095, GDPR: 2555, HIPAA: 2555, BASEL_III: 2555, ISO_27001: 1095 });
    expect(settings.archive_after_days).toBe(365);
    expect(settings.classification_levels).toEqual({ PUBLIC: 1, INTERNAL: 2, CONFIDENTIAL: 3, RESTRICTED: 4, TOP_SECRET: 5 });
  });

  it('has a view per record kind with the fields of CONTRACT §1', async () => {
    const dir = tempDir();
    const vault = newVault(dir);
    const db = openVault(vault, PASSPHRASE);
    await importFile(db, writeFile(dir, 'a.ndjson', ndjson([logRecord({ id: 'v1' })])));
    const row = db.prepare('SELECT * FROM audit_logs').get() as Record<string, unknown>;
    db.close();
    expect(row).toMatchObject({ id: 'v1', tenant: 't1', operation: 'UPDATE', resource_type: 'invoice', seq: 1, compliance_framework: 'SOX' });
    expect(JSON.parse(row.new_data as string)).toEqual({ amount: 1200 });
  });

  it.each([
    ['a wrong passphrase', (dir: string) => newVault(dir), 'not the passphrase', /wrong passphrase/],
    ['a file that is not a vault', (dir: string) => writeFile(dir, 'x.vault', Buffer.alloc(8192, 7)), PASSPHRASE, /wrong passphrase, or not an AuditDesk vault/],
    ['an empty file', (dir: string) => writeFile(dir, 'x.vault', ''), PASSPHRASE, /empty/],
    ['a directory', (dir: string) => dir, PASSPHRASE, /directory/],
    ['a missing file', (dir: string) => path.join(dir, 'nope.vault'), PASSPHRASE, /no such vault/],
  ])('refuses %s with a clear message', (_name, make, passphrase, message) => {
    const dir = tempDir();
    const file = make(dir);
    expect(() => openVault(file, passphrase)).toThrow(UserError);
    expect(() => openVault(file, passphrase)).toThrow(message);
  });

  it('refuses a plain SQLite database', () => {
    const dir = tempDir();
    const file = path.join(dir, 'plain.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t(x)');
    db.close();
    expect(() => openVault(file, PASSPHRASE)).toThrow(/plain, unencrypted SQLite database/);
  });

  it('refuses a vault written by a newer version, and leaves it alone', () => {
    const dir = tempDir();
    const vault = newVault(dir);
    const db = openVault(vault, PASSPHRASE);
    db.pragma('user_version = 99');
    db.close();
    const before = fs.readFileSync(vault);
    expect(() => openVault(vault, PASSPHRASE)).toThrow(`newer AuditDesk (vault schema 99; this version knows up to ${LATEST})`);
    expect(fs.readFileSync(vault).equals(before)).toBe(true);
  });

  it('passwd changes the passphrase without losing anything', async () => {
    const dir = tempDir();
    const vault = newVault(dir);
    await cli(['import', vault, writeFile(dir, 'a.ndjson', ndjson([logRecord(), logRecord()]))]);
    const changed = await cli(['passwd', vault], { AUDITDESK_NEW_PASSPHRASE: 'a new one' });
    expect(changed.code).toBe(0);
    expect((await cli(['verify', vault])).code).toBe(2);
    const verified = await cli(['verify', vault, '--json'], { AUDITDESK_PASSPHRASE: 'a new one' });
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout).records).toBe(2);
  });
});

describe('migrations', () => {
  const addNotes: Migration = {
    version: LATEST + 1,
    name: 'test: add notes',
    up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); ALTER TABLE imports ADD COLUMN note TEXT;',
  };
  const broken: Migration = {
    version: LATEST + 1,
    name: 'test: fails half-way',
    up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY); DROP TABLE conflicts; SELECT no_such_function();',
  };

  async function populated(): Promise<{ dir: string; vault: string }> {
    const dir = tempDir();
    const vault = newVault(dir);
    const db = openVault(vault, PASSPHRASE);
    await importFile(db, writeFile(dir, 'a.ndjson', ndjson([logRecord({ id: 'm1' }), logRecord({ id: 'm2', tenant: 't2' })])));
    db.close();
    return { dir, vault };
  }

  it('apply in order on a populated vault and keep every record verifiable', async () => {
    const { vault } = await populated();
    const db = openVault(vault, PASSPHRASE, { migrations: [...MIGRATIONS, addNotes] });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST + 1);
    expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 2 });
    db.close();
    const verified = await cli(['verify', vault, '--json']);
    // The released code knows schema 1 only: a vault at 2 is "newer" and refused without damage.
    expect(verified.code).toBe(2);
    expect(verified.stderr).toMatch(/newer AuditDesk/);
  });

  it('that fail leave the vault as it was', async () => {
    const { vault } = await populated();
    expect(() => openVault(vault, PASSPHRASE, { migrations: [...MIGRATIONS, broken] })).toThrow(
      new RegExp(`migrating .* to schema ${LATEST + 1} \\(test: fails half-way\\) failed: .*unchanged at schema ${LATEST}`),
    );
    const db = openVault(vault, PASSPHRASE);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('notes', 'conflicts')`).get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 2 });
    db.close();
    expect((await cli(['verify', vault])).code).toBe(0);
  });

  it('that run when the command line opens an older vault are announced on stderr, once', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'old.vault');
    openVault(vault, PASSPHRASE, { create: true, migrations: MIGRATIONS.slice(0, -1) }).close();
    const records = writeFile(dir, 'a.ndjson', ndjson([logRecord({ id: 'u1' })]));
    const latest = MIGRATIONS.at(-1)!;
    const first = await cli(['import', vault, records]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`upgrading ${vault} to vault schema ${latest.version} (${latest.name})`);
    const again = await cli(['import', vault, records]);
    expect(again.stderr).not.toMatch(/upgrading/);
  });

  it('every released migration is numbered 1, 2, 3 … without holes', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});

describe('sqlite3 shell cannot read it', () => {
  it('without the key', () => {
    const dir = tempDir();
    const vault = newVault(dir);
    let failed = false;
    try {
      execFileSync('sqlite3', [vault, 'SELECT count(*) FROM records'], { stdio: 'pipe' });
    } catch {
      failed = true;
    }
    expect(failed).toBe(true);
  });
});
