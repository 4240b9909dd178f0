// Admits records into the vault: the one path by which records enter, for imports and the collector.
// Records without chain fields are chained here (seq, prev_hash, audit_hash per tenant, in the caller's
// transaction); records with chain fields are stored exactly as they came and their chain is checked.
// Call admit() for each record and finish() once, all inside one transaction.
import type Database from 'better-sqlite3';
import { canonicalJson, type JsonObject } from '../../../shared/canonical-json';
import type { ChainBreak } from '../../../shared/chain/chain-break';
import { SortedChainChecker } from '../../../shared/chain/sorted-chain-checker';
import { ZERO_HASH, type Sha256Port } from '../../../shared/hash';
import type { AuditRecord } from '../../../shared/records/record-schema';
import { Ledger } from '../ledger/ledger';
import { withAuditHash } from './record-text';
import { statementsFor } from './statement-cache';
import { integrityViolation, SYSTEM_TENANT } from './integrity-violation';
import { assembleCanonical, contentCanonical, prepareRecord, type PreparedRecord } from './prepared-record';
import type { ChainGuess, ChainHead } from '../ingest/chain-ahead';

export type AdmitOutcome = 'inserted' | 'duplicate' | 'conflict';

export interface AdmitSource {
  importId?: number;
  apiKeyId?: number;
  /** Line of the import file, for conflicts kept aside. */
  line?: number;
}

export interface TenantBreak extends ChainBreak {
  tenant: string;
}

interface Head {
  seq: number;
  hash: string;
}

interface Touched {
  /** The head before this batch: verification of producer chains resumes after it. */
  before: Head;
  producerChained: boolean;
}

export class Admission {
  private readonly heads = new Map<string, Head>();
  private readonly touched = new Map<string, Touched>();
  private readonly now = new Date().toISOString();
  private readonly stmt;
  /** The transparency log; every inserted record is appended to it in admission order. */
  readonly ledger: Ledger;
  /** Admission position of the last record inserted. */
  lastPos = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly sha: Sha256Port,
  ) {
    this.ledger = new Ledger(db);
    this.stmt = statementsFor(admissionStatements, db, prepareAdmissionStatements);
  }

  admit(record: AuditRecord, source: AdmitSource = {}): AdmitOutcome {
    return this.admitPrepared(prepareRecord(record), source);
  }

  /**
   * The sequential part of admission, for records prepared elsewhere (e.g. on an import worker).
   * `ahead`: the worker's hashes for the place it guessed (ingest/chain-ahead.ts), used only where the
   * record lands at exactly that place.
   */
  admitPrepared(record: PreparedRecord, source: AdmitSource = {}, ahead?: ChainGuess): AdmitOutcome {
    const tenant = record.tenant;
    const head = this.headOf(tenant);
    let canonical: string;
    let auditHash: string;
    let seq: number;
    let guessed: boolean;
    if (record.chained) {
      canonical = record.canonical;
      auditHash = record.claimed;
      seq = record.seq;
      guessed = ahead !== undefined; // its stored text is as it came, wherever it lands
    } else {
      seq = head.seq + 1;
      canonical = assembleCanonical(record.parts, seq, head.hash);
      // Same seq after the same previous hash: the worker hashed exactly this text.
      guessed = ahead?.seq === seq && ahead.prevHash === head.hash && ahead.auditHash !== undefined;
      auditHash = guessed ? ahead!.auditHash! : this.sha.hexOfText(canonical);
    }
    const inserted = this.stmt.insert.run(canonical, auditHash, this.now, source.importId ?? null, source.apiKeyId ?? null);
    if (inserted.changes === 0) return this.explainCollision(record, source);
    this.lastPos = Number(inserted.lastInsertRowid);
    this.ledger.append(this.lastPos, canonical, guessed ? ahead!.leafHash : undefined);

    const mark = this.touched.get(tenant);
    if (mark) mark.producerChained ||= record.chained;
    if (seq > head.seq) this.heads.set(tenant, { seq, hash: auditHash });
    return 'inserted';
  }

  /**
   * Checks the chains that producer-chained records touched, raises one violation per break (a re-run
   * finds the same violation id and skips it), and saves the new heads. Returns the breaks found.
   */
  finish(): TenantBreak[] {
    const breaks: TenantBreak[] = [];
    for (const [tenant, mark] of this.touched) {
      if (!mark.producerChained) continue;
      const found = this.checkContinuation(tenant, mark.before);
      if (found) breaks.push({ tenant, ...found });
    }
    for (const found of breaks) {
      const alarm = integrityViolation(found, this.now);
      if (!this.stmt.byId.get(alarm.tenant, alarm.id)) this.admit(alarm);
    }
    for (const [tenant, head] of this.heads) {
      if (head.seq > 0) this.stmt.saveHead.run(tenant, head.seq, head.hash);
    }
    this.ledger.save();
    return breaks;
  }

  /** Every tenant's chain head as the vault holds it now, for chaining ahead (ingest/chain-ahead.ts). */
  static heads(db: Database.Database): Record<string, ChainHead> {
    const rows = db.prepare('SELECT tenant, seq, hash FROM chain_heads').all() as Array<ChainHead & { tenant: string }>;
    return Object.fromEntries(rows.map((r) => [r.tenant, { seq: r.seq, hash: r.hash }]));
  }

  private headOf(tenant: string): Head {
    let head = this.heads.get(tenant);
    if (!head) {
      head = (this.stmt.head.get(tenant) as Head | undefined) ?? { seq: 0, hash: ZERO_HASH };
      this.stmt.tenant.run(tenant, this.now);
      this.heads.set(tenant, head);
      this.touched.set(tenant, { before: head, producerChained: false });
    }
    return head;
  }

  private checkContinuation(tenant: string, before: Head): ChainBreak | null {
    const checker = new SortedChainChecker(tenant, undefined, before.seq > 0 ? before : undefined);
    for (const row of this.stmt.chainFrom.iterate(tenant, before.seq) as Iterable<ChainRow>) {
      checker.push({
        seq: row.seq,
        claimed: row.audit_hash,
        prev: row.prev_hash,
        computed: this.sha.hexOfText(row.canonical),
        where: `vault position ${row.pos}`,
      });
    }
    return checker.finish().break;
  }

  private explainCollision(record: PreparedRecord, source: AdmitSource): AdmitOutcome {
    const stored = this.stmt.byId.get(record.tenant, record.id) as { canonical: string; audit_hash: string } | undefined;
    if (stored && sameContent(stored, record)) return 'duplicate';
    let reason: string;
    if (stored) {
      reason = `id ${record.id} is already in the vault with different content`;
    } else if (record.chained) {
      const holder = this.stmt.bySeq.get(record.tenant, record.seq) as { id: string } | undefined;
      reason = `seq ${record.seq} of tenant ${record.tenant} is already held by record ${holder?.id ?? '?'}`;
    } else {
      reason = `the record could not be stored next to record ${record.id}`;
    }
    const received = record.chained ? withAuditHash(record.canonical, record.claimed) : contentCanonical(record);
    this.stmt.conflict.run(record.tenant, record.id, reason, received, source.importId ?? null, source.line ?? null, this.now);
    return 'conflict';
  }
}

const admissionStatements = new WeakMap<Database.Database, ReturnType<typeof prepareAdmissionStatements>>();

function prepareAdmissionStatements(db: Database.Database) {
  return {
    head: db.prepare('SELECT seq, hash FROM chain_heads WHERE tenant = ?'),
    tenant: db.prepare('INSERT OR IGNORE INTO tenants(tenant, first_seen) VALUES (?, ?)'),
    saveHead: db.prepare(
      'INSERT INTO chain_heads(tenant, seq, hash) VALUES (?, ?, ?) ON CONFLICT(tenant) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
    ),
    insert: db.prepare(
      'INSERT INTO records(canonical, audit_hash, admitted_at, import_id, api_key_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    byId: db.prepare('SELECT canonical, audit_hash FROM records WHERE tenant = ? AND id = ?'),
    bySeq: db.prepare('SELECT id FROM records WHERE tenant = ? AND seq = ?'),
    conflict: db.prepare(
      'INSERT INTO conflicts(tenant, record_id, reason, received, import_id, line, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    chainFrom: db.prepare(
      'SELECT seq, prev_hash, audit_hash, canonical, pos FROM records WHERE tenant = ? AND seq > ? ORDER BY seq',
    ),
  };
}

interface ChainRow {
  seq: number;
  prev_hash: string;
  audit_hash: string;
  canonical: string;
  pos: number;
}

/** The same record: same members; chain fields compared only if the incoming record carries them. */
function sameContent(stored: { canonical: string; audit_hash: string }, incoming: PreparedRecord): boolean {
  if (incoming.chained) return stored.audit_hash === incoming.claimed && stored.canonical === incoming.canonical;
  const { seq: _s, prev_hash: _p, ...content } = JSON.parse(stored.canonical) as JsonObject;
  return canonicalJson(content) === contentCanonical(incoming);
}

export { SYSTEM_TENANT };
