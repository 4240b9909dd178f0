// Migration 3: full-text search and a summary cube for the review UI (issue 7).
//
// Why tables filled by an indexing step, not triggers: a trigger would tokenize every record inside
// the import's transaction and slow the 1M-record import by a large factor. Instead both structures
// trail the records table: `review_index_state.indexed_pos` says how far (in admission order,
// records.pos) they have got, and the indexer (electron/core/queries/review-indexer.ts) catches up in
// small batches in the background after a vault is opened, with progress. Readers stay exact: a search
// says how much of the vault it covers, and the summary adds the records not yet in the cube.
//
// - records_fts: contentless FTS5 (the text lives only in the index; contentless_delete=1 lets
//   retention drop rows). Values of the settings' sensitive fields are never indexed, so a search
//   cannot reveal what the Record view masks.
// - summary_cube: record counts per day and per dimension the dashboard groups by. Reading a vault
//   costs page decryption (about 5 s per million records); the cube answers the dashboard from a few
//   thousand rows instead.
import type { Migration } from './migration';

export const search: Migration = {
  version: 3,
  name: 'search index and summary cube',
  up: `
    CREATE VIRTUAL TABLE records_fts USING fts5(
      body,
      content = '',
      contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 2"
    );
    CREATE TABLE summary_cube (
      day TEXT NOT NULL,                  -- YYYY-MM-DD of ts_utc
      tenant TEXT NOT NULL,
      kind TEXT NOT NULL,
      operation TEXT NOT NULL,            -- '' when absent
      user TEXT NOT NULL,
      resource_type TEXT NOT NULL,
      framework TEXT NOT NULL,
      sensitive INTEGER NOT NULL,
      severity TEXT NOT NULL,
      open INTEGER NOT NULL,              -- an OPEN or INVESTIGATING violation
      n INTEGER NOT NULL,
      PRIMARY KEY (day, tenant, kind, operation, user, resource_type, framework, sensitive, severity, open)
    ) WITHOUT ROWID;
    CREATE TABLE review_index_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      indexed_pos INTEGER NOT NULL        -- every record with pos <= this is in records_fts and summary_cube
    );
    INSERT INTO review_index_state(id, indexed_pos) VALUES (1, 0);
    -- The Record view lists a record's children (parent_audit_id); without this it scans every record.
    CREATE INDEX records_parent ON records(tenant, parent_audit_id) WHERE parent_audit_id IS NOT NULL;
    -- A user's trail newest first, without sorting all of that user's records.
    CREATE INDEX records_user_time ON records(user, ts_utc);
  `,
};
