// How a document shipped through the Elasticsearch bulk API becomes an AuditDesk record
// (docs/collector.md, "How shipped documents become records"):
// - a document with a `kind` member is taken as an AuditDesk record (CONTRACT §1) and checked as such;
//   only a missing tenant or id is filled in (from the index name and the bulk `_id`);
// - any other document (a syslog line, a Filebeat or Vector event…) becomes a `log` record:
//   tenant from the index name `auditdesk-TENANT[-DATE]`, else the document's `tenant`, else the
//   default; timestamp from `@timestamp` (or timestamp, timereported, time, date); user from `user`,
//   `user.name` or `username`; operation from `operation` or ECS `event.action`, else SYSTEM;
//   resource_type `syslog`, resource_id the host, resource_name the program; and the document itself,
//   in full and unchanged, in `original_event`.
// The id is the bulk `_id` when the shipper gives one, else a hash of the document, so a batch the
// shipper re-sends (after a timeout, say) is recognised and not stored twice.
import { canonicalJson, type JsonObject } from '../../../../shared/canonical-json';
import { checkRecord, type AuditRecord, type FieldError } from '../../../../shared/records/record-schema';
import { nodeSha256 } from '../../node-sha';

export interface DocumentContext {
  index: string | undefined;
  id: string | undefined;
  defaultTenant: string;
  /** When the request arrived (RFC 3339): the timestamp of a document that carries none. */
  receivedAt: string;
}

export type Mapped = { ok: true; record: AuditRecord } | { ok: false; errors: FieldError[] };

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const UPPER_WORD = /^[A-Z][A-Z0-9_]*$/;
const INDEX_TENANT = /^auditdesk-(.+?)(?:-\d{4}[.-]\d{2}[.-]\d{2})?$/;

/** ECS `event.action` words (lower case) that name one of the contract's operations. */
const ACTIONS: Record<string, string> = {
  create: 'CREATE', created: 'CREATE', add: 'CREATE', added: 'CREATE',
  read: 'READ', view: 'READ', viewed: 'READ', access: 'READ', accessed: 'READ',
  update: 'UPDATE', updated: 'UPDATE', modify: 'UPDATE', modified: 'UPDATE', change: 'UPDATE', changed: 'UPDATE',
  delete: 'DELETE', deleted: 'DELETE', remove: 'DELETE', removed: 'DELETE',
  login: 'LOGIN', 'logged-in': 'LOGIN', 'user-login': 'LOGIN', logon: 'LOGIN',
  logout: 'LOGOUT', 'logged-out': 'LOGOUT', 'user-logout': 'LOGOUT', logoff: 'LOGOUT',
  export: 'EXPORT', import: 'IMPORT', backup: 'BACKUP', restore: 'RESTORE',
};

export function tenantFromIndex(index: string | undefined): string | undefined {
  return index ? INDEX_TENANT.exec(index)?.[1] : undefined;
}

export function documentToRecord(doc: unknown, ctx: DocumentContext): Mapped {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, errors: [{ field: '(document)', message: 'must be a JSON object' }] };
  }
  const source = doc as JsonObject;
  if ('kind' in source) {
    const record: JsonObject = { ...source };
    if (record.tenant === undefined) record.tenant = tenantFromIndex(ctx.index) ?? ctx.defaultTenant;
    if (record.id === undefined && ctx.id !== undefined) record.id = ctx.id;
    return checkRecord(record);
  }
  const record: JsonObject = {
    id: ctx.id ?? `es-${nodeSha256.hexOfText(canonicalJson(source)).slice(0, 32)}`,
    kind: 'log',
    tenant: tenantFromIndex(ctx.index) ?? nonEmptyString(source.tenant) ?? ctx.defaultTenant,
    user: userOf(source),
    timestamp: timestampOf(source) ?? ctx.receivedAt,
    operation: operationOf(source),
    resource_type: 'syslog',
  };
  const host = nonEmptyString(source.hostname) ?? nonEmptyString(source.host) ?? nested(source, 'host', 'name') ?? nested(source, 'host', 'hostname');
  if (host !== undefined) record.resource_id = host;
  const program =
    nonEmptyString(source.programname) ?? nonEmptyString(source.app_name) ?? nonEmptyString(source.appname) ??
    nonEmptyString(source.ident) ?? nested(source, 'process', 'name') ?? nonEmptyString(source.syslogtag);
  if (program !== undefined) record.resource_name = program;
  const ip = nonEmptyString(source['fromhost-ip']) ?? nested(source, 'source', 'ip') ?? nested(source, 'client', 'ip');
  if (ip !== undefined) record.ip_address = ip;
  if (ctx.index !== undefined) record.es_index = ctx.index;
  record.original_event = source;
  return checkRecord(record);
}

function timestampOf(doc: JsonObject): string | undefined {
  for (const name of ['@timestamp', 'timestamp', 'timereported', 'time', 'date']) {
    const value = doc[name];
    if (typeof value === 'string') {
      if (RFC3339.test(value)) return value;
      const parsed = Date.parse(value);
      if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      // Fluent Bit's `date` is epoch seconds with a fraction; some shippers send milliseconds.
      const ms = value > 1e11 ? value : value * 1000;
      const date = new Date(ms);
      if (!Number.isNaN(date.getTime())) return date.toISOString();
    }
  }
  return undefined;
}

function userOf(doc: JsonObject): string | null {
  return nonEmptyString(doc.user) ?? nested(doc, 'user', 'name') ?? nonEmptyString(doc.username) ?? null;
}

function operationOf(doc: JsonObject): string {
  const given = doc.operation;
  if (typeof given === 'string' && UPPER_WORD.test(given)) return given;
  const action = nested(doc, 'event', 'action');
  return (action && ACTIONS[action.toLowerCase()]) ?? 'SYSTEM';
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function nested(doc: JsonObject, outer: string, inner: string): string | undefined {
  const value = doc[outer];
  return value && typeof value === 'object' && !Array.isArray(value) ? nonEmptyString((value as JsonObject)[inner]) : undefined;
}
