// Group commit for the collector. Shippers and applications often send several requests at once (one
// per connection); admitted one transaction each, the fifth waited for four commits, four detection
// passes and four signed checkpoints before its own. Requests that arrive in the same turn of the
// event loop are admitted together instead, in one transaction, and each is answered with its own
// result once that transaction has committed: a 2xx still means the records are in the vault. If the
// transaction fails, every request of the group fails with the same error, and nothing of any of them
// was stored (each may be sent again).
import type Database from 'better-sqlite3';
import type { AuditRecord } from '../../../shared/records/record-schema';
import { admitBatches, type BatchResult } from './admit-batch';

interface Waiting {
  db: Database.Database;
  records: AuditRecord[];
  apiKeyId: number | null;
  retryAfter: string;
  resolve(result: BatchResult): void;
  reject(error: unknown): void;
}

export class GroupCommit {
  private waiting: Waiting[] = [];
  private scheduled = false;

  admit(db: Database.Database, records: AuditRecord[], apiKeyId: number | null, retryAfter: string): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ db, records, apiKeyId, retryAfter, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the requests already read in this turn have reached this point too.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const group = this.waiting;
    this.waiting = [];
    // One transaction per connection (there is one, unless the vault was switched in between).
    for (const db of new Set(group.map((w) => w.db))) {
      const mine = group.filter((w) => w.db === db);
      try {
        const results = admitBatches(db, mine, mine[0]!.retryAfter);
        mine.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of mine) w.reject(error);
      }
    }
  }
}
