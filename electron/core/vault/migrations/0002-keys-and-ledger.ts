// Migration 2: collector API keys (issue 3) and the transparency log over all records (issue 4).
import type { Migration } from './migration';

export const keysAndLedger: Migration = {
  version: 2,
  name: 'api keys and ledger',
  up: `
    -- Keys are stored only as SHA-256 hashes; the key itself is shown once, when created.
    CREATE TABLE api_keys (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      prefix TEXT NOT NULL,               -- the first characters, to recognise a key in lists
      key_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      revoked_at TEXT,
      last_used_at TEXT
    );

    -- The RFC 9162 Merkle tree over every record in admission order (leaf i = records.pos i + 1).
    -- Leaf hashes are recomputed from records.canonical; only the roots of complete subtrees of 256 or
    -- more leaves are kept, so appending writes a row once per 256 records and a proof reads at most a
    -- few hundred leaves plus O(log n) stored nodes.
    CREATE TABLE ledger_nodes (
      level INTEGER NOT NULL,             -- the subtree spans 2^level leaves
      idx INTEGER NOT NULL,
      hash BLOB NOT NULL,
      PRIMARY KEY (level, idx)
    ) WITHOUT ROWID;

    -- The right border of the tree (a compact range), so the root is always at hand.
    CREATE TABLE ledger_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      size INTEGER NOT NULL,
      border TEXT NOT NULL                -- JSON: {size, hashes: base64[]}
    );

    -- Every signed checkpoint (c2sp.org/tlog-checkpoint as a c2sp.org/signed-note), all kept.
    CREATE TABLE checkpoints (
      id INTEGER PRIMARY KEY,
      size INTEGER NOT NULL,
      root TEXT NOT NULL,                 -- base64, as in the note
      note TEXT NOT NULL,
      reason TEXT NOT NULL,               -- import, collector, on demand
      created_at TEXT NOT NULL
    );
    CREATE INDEX checkpoints_size ON checkpoints(size);
  `,
};
