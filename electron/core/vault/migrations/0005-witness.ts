// Migration 5: the auditor as witness (issue 4). A producer's own signed checkpoint (c2sp.org
// tlog-checkpoint), imported with its public key, and what checking the vault's copy of that producer's
// records against it found. One row per (tenant, origin, size, root): re-witnessing the same checkpoint
// updates the result rather than piling up rows. The mapping is in docs/ledger-formats.md §7.
import type { Migration } from './migration';

export const witness: Migration = {
  version: 5,
  name: 'witnessed producer checkpoints',
  up: `
    CREATE TABLE witnessed_checkpoints (
      id INTEGER PRIMARY KEY,
      tenant TEXT NOT NULL,               -- the vault tenant whose chain is the producer's log
      origin TEXT NOT NULL,               -- the checkpoint's origin line
      size INTEGER NOT NULL,
      root TEXT NOT NULL,                 -- base64, as in the checkpoint
      note TEXT NOT NULL,                 -- the signed checkpoint exactly as received
      vkey TEXT NOT NULL,                 -- the producer's verifier key it was checked with
      status TEXT NOT NULL CHECK (status IN ('match', 'mismatch', 'incomplete')),
      vault_root TEXT,                    -- base64 root recomputed from the vault; null when incomplete
      records_available INTEGER NOT NULL, -- the tenant's records with seq 1, 2, … without a gap
      witnessed_at TEXT NOT NULL,
      UNIQUE (tenant, origin, size, root)
    );
  `,
};
