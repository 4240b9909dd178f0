// Runs the detection rules over records and raises their violations (issue 6): at ingest over the
// records an import or a collector batch has just admitted (built as they were prepared, then raised
// in the same transaction; a watermark in detection_state), or on demand over a period (detect-period.ts).
// A rule never raises the same violation twice for the same records: each violation id is derived
// from the records it covers, and violation_links remembers which records each rule has covered, so
// re-running over the same period (or overlapping ones) adds nothing.
import type Database from 'better-sqlite3';
import type { AuditRecord } from '../../../../shared/records/record-schema';
import { nodeSha256 } from '../../node-sha';
import { Admission } from '../../vault/admission';
import { type RecordHit, Rules } from './rules';
import type { RuleName } from './rules-config';
import type { ScanRow } from './scan-row';

export interface DetectResult {
  /** Records the rules looked at (after the prefilter). */
  scanned: number;
  /** New violations raised, by rule. */
  raised: Partial<Record<RuleName, number>>;
  /** Violations found already raised (by an earlier run or by an importer). */
  existing: number;
  violations: Array<{ tenant: string; id: string; violation_type: string }>;
}

interface Pending {
  rule: RuleName;
  tenant: string;
  record: AuditRecord;
  positions: number[];
}

interface GroupRow {
  pos: number;
  id: string;
  timestamp: string;
  reason: string;
}

/** A user's out-of-hours records of one local day (POLICY_VIOLATION). */
interface Group {
  tenant: string;
  user: string | null;
  date: string;
  rows: GroupRow[];
}

export interface HitsState {
  recordHits: Array<{ row: ScanRow; hit: RecordHit }>;
  groups: Array<[string, Group]>;
  scanned: number;
}

/**
 * Detection at ingest for records an import has just admitted, inside its transaction: the hits were
 * gathered from the records themselves as they were prepared (scan-record.ts), so nothing is read back. Moves the
 * watermark past everything admitted.
 */
export function detectAdmitted(db: Database.Database, hits: DetectionHits, options: RaiseOptions = {}): DetectResult {
  return hits.raise(
    db,
    () => db.prepare('UPDATE detection_state SET detected_pos = max(detected_pos, (SELECT ifnull(max(pos), 0) FROM records)) WHERE id = 1').run(),
    options,
  );
}

export interface RaiseOptions {
  /**
   * Write straight into the caller's open transaction instead of a savepoint of its own; the caller
   * then rolls back everything if raising throws. For a large import: a savepoint keeps the original of
   * every page it changes in memory (SQLite's statement journal, in memory with temp_store = MEMORY),
   * and raising a million-record import's violations touched ~100 MB of index pages.
   */
  noSavepoint?: boolean;
}

/**
 * What the rules found, gathered record by record and raised at the end. An import adds each record as
 * it is admitted, so only the hits are kept (a few fields per record), never the records.
 */
export class DetectionHits {
  private readonly recordHits: Array<{ row: ScanRow; hit: RecordHit }> = [];
  private readonly groups = new Map<string, Group>();
  private scanned = 0;

  constructor(private readonly rules: Rules) {}

  add(row: ScanRow): void {
    this.scanned++;
    for (const hit of this.rules.recordHits(row)) this.recordHits.push({ row, hit });
    const group = this.rules.groupHit(row);
    if (group) {
      let g = this.groups.get(group.key);
      if (!g) this.groups.set(group.key, (g = { tenant: row.tenant, user: row.user, date: group.date, rows: [] }));
      g.rows.push({ pos: row.pos, id: row.id, timestamp: row.timestamp, reason: group.reason });
    }
  }

  /** What was found so far, as plain data (to pass between threads). */
  state(): HitsState {
    return { recordHits: this.recordHits, groups: [...this.groups], scanned: this.scanned };
  }

  /**
   * Adds what a scan of a later range of positions found: the result is the same as one scan over both
   * ranges, in the same order (hits in position order, groups in the order they first appeared).
   */
  absorb(later: HitsState): void {
    this.scanned += later.scanned;
    for (const hit of later.recordHits) this.recordHits.push(hit);
    for (const [key, group] of later.groups) {
      const had = this.groups.get(key);
      if (had) for (const row of group.rows) had.rows.push(row);
      else this.groups.set(key, group);
    }
  }

  raise(db: Database.Database, after?: () => void, options: RaiseOptions = {}): DetectResult {
    return raiseHits(db, this.rules, this.recordHits, this.groups, this.scanned, after, options);
  }
}

function raiseHits(
  db: Database.Database,
  rules: Rules,
  recordHits: Array<{ row: ScanRow; hit: RecordHit }>,
  groups: Map<string, Group>,
  scanned: number,
  after?: () => void,
  options: RaiseOptions = {},
): DetectResult {
  const result = emptyResult();
  result.scanned = scanned;

  const linked = linkedPositions(db, recordHits, [...groups.values()].flatMap((g) => g.rows.map((r) => r.pos)));
  // One statement per violation, over all the records it covers (a JSON array of positions).
  const link = db.prepare(
    'INSERT OR IGNORE INTO violation_links(rule, record_pos, violation_tenant, violation_id) SELECT ?, value, ?, ? FROM json_each(?)',
  );
  const exists = db.prepare('SELECT 1 FROM records WHERE tenant = ? AND id = ?').pluck();

  const pending: Pending[] = [];
  for (const { row, hit } of recordHits) {
    if (linked.has(`${hit.rule}:${row.pos}`)) continue;
    pending.push({
      rule: hit.rule,
      tenant: row.tenant,
      positions: [row.pos],
      record: violationRecord(row.tenant, row.user, row.timestamp, hit.id, hit.rule, hit.severity, hit.description, {
        ...hit.details, record_ids: [row.id], records: 1,
      }),
    });
  }
  const policy = rules.config.POLICY_VIOLATION;
  const hours = policy.business_hours;
  const window = `${hours.start}–${hours.end} on ISO weekdays ${hours.days.join(',')} (${hours.time_zone})`;
  for (const g of groups.values()) {
    const fresh = g.rows.filter((r) => !linked.has(`POLICY_VIOLATION:${r.pos}`));
    for (let i = 0; i < fresh.length; i += policy.max_records_per_violation) {
      const chunk = fresh.slice(i, i + policy.max_records_per_violation);
      const first = chunk[0]!;
      const reasons = [...new Set(chunk.map((r) => r.reason))];
      const severity = reasons.includes('TOP_SECRET') && policy.severity !== 'CRITICAL' ? 'HIGH' : policy.severity;
      pending.push({
        rule: 'POLICY_VIOLATION',
        tenant: g.tenant,
        positions: chunk.map((r) => r.pos),
        record: violationRecord(
          g.tenant, g.user, first.timestamp,
          `detect:POLICY_VIOLATION:${g.user ?? ''}:${g.date}:${first.id}`,
          'POLICY_VIOLATION', severity,
          `${g.user ?? 'an unknown user'} touched ${chunk.length} ${reasons.join('/')} record(s) outside business hours on ${g.date}`,
          {
            rule: 'POLICY_VIOLATION',
            explanation: `records classified ${policy.classifications.join(' or ')}${policy.include_sensitive ? ' or marked sensitive' : ''} were touched outside business hours (${window})`,
            business_hours: { ...hours },
            local_date: g.date,
            classifications: reasons,
            record_ids: chunk.map((r) => r.id),
            records: chunk.length,
            first_timestamp: first.timestamp,
            last_timestamp: chunk.at(-1)!.timestamp,
          },
        ),
      });
    }
  }

  const write = () => {
    const admission = new Admission(db, nodeSha256);
    for (const p of pending) {
      const id = p.record.id;
      if (exists.get(p.tenant, id)) {
        result.existing++;
      } else if (admission.admit(p.record) === 'inserted') {
        result.raised[p.rule] = (result.raised[p.rule] ?? 0) + 1;
        result.violations.push({ tenant: p.tenant, id, violation_type: p.rule });
      }
      link.run(p.rule, p.tenant, id, JSON.stringify(p.positions));
    }
    admission.finish();
    after?.();
  };
  if (options.noSavepoint) write();
  else db.transaction(write)();
  return result;
}

/**
 * Which of these records each rule has already covered, as `rule:pos` keys: one read over the span of
 * positions the hits lie in, not one look-up per hit (a first run over a million records has hundreds
 * of thousands of hits; at ingest the span is just the new records, where nothing is linked yet).
 */
function linkedPositions(db: Database.Database, recordHits: Array<{ row: ScanRow; hit: RecordHit }>, groupPositions: number[]): Set<string> {
  const byRule = new Map<string, number[]>();
  for (const { row, hit } of recordHits) {
    let positions = byRule.get(hit.rule);
    if (!positions) byRule.set(hit.rule, (positions = []));
    positions.push(row.pos);
  }
  if (groupPositions.length) byRule.set('POLICY_VIOLATION', groupPositions);
  const read = db.prepare('SELECT record_pos FROM violation_links WHERE rule = ? AND record_pos BETWEEN ? AND ?').pluck();
  const keys = new Set<string>();
  for (const [rule, positions] of byRule) {
    let low = Infinity;
    let high = -Infinity;
    for (const pos of positions) {
      if (pos < low) low = pos;
      if (pos > high) high = pos;
    }
    for (const pos of read.iterate(rule, low, high) as Iterable<number>) keys.add(`${rule}:${pos}`);
  }
  return keys;
}

function violationRecord(
  tenant: string, user: string | null, timestamp: string, id: string, type: RuleName, severity: string, description: string,
  details: Record<string, unknown>,
): AuditRecord {
  // The violation carries the time of the activity it is about, not the clock: a re-run builds the same record.
  return {
    id, kind: 'violation', tenant, user, timestamp, violation_type: type, severity, status: 'OPEN', description,
    details: { ...details, detected_by: 'auditdesk detection rules' },
  } as AuditRecord;
}

function emptyResult(): DetectResult {
  return { scanned: 0, raised: {}, existing: 0, violations: [] };
}
