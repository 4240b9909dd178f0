// Deterministic, realistic-looking records for tests, demos and the report previews: the same seed
// always gives the same records, so reports built from them can be compared byte for byte. Users
// include names that need more than Latin-1 (Zoë, Łukasz, 山田) so that font problems show.
import { seededRandom as prng } from '../seeded-random';
import type { ReportRecord } from './report-record';

export const SAMPLE_USERS = [
  'zoë.dubois@acme.example', 'łukasz.kowalski@acme.example', '山田太郎@acme.example',
  'j.smith@acme.example', 'a.okafor@acme.example', 'm.garcia@acme.example', 'priya.n@acme.example',
  'svc-batch',
];
const RESOURCES = [
  'account', 'transaction', 'invoice', 'payment_card', 'patient', 'medical_record', 'customer',
  'employee', 'risk_exposure', 'loan', 'document',
];
const OPERATIONS = ['READ', 'READ', 'READ', 'UPDATE', 'UPDATE', 'CREATE', 'DELETE', 'LOGIN', 'LOGOUT', 'EXPORT', 'BACKUP', 'SYSTEM'];
const FRAMEWORK_TAGS = ['SOX', 'PCI_DSS', 'GDPR', 'HIPAA', 'BASEL_III', 'ISO_27001', ''];
const CLASSES = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED', 'TOP_SECRET'];
const VIOLATIONS = ['UNAUTHORIZED_ACCESS', 'DATA_BREACH', 'POLICY_VIOLATION', 'PRIVILEGE_ESCALATION', 'DATA_LEAKAGE', 'UNAUTHORIZED_EXPORT'];
const SEVERITIES = ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'CRITICAL'];
const STATUSES = ['OPEN', 'INVESTIGATING', 'RESOLVED', 'RESOLVED', 'CLOSED'];
const MODELS = ['audit_log', 'customer', 'patient', 'transaction', 'risk_exposure', 'payment_card'];

export interface SampleRecordOptions {
  tenants: string[];
  from: string;
  to: string;
  count: number;
  seed?: number;
}

export function sampleRecords(opts: SampleRecordOptions): ReportRecord[] {
  const rnd = prng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const from = Date.parse(opts.from);
  const span = Date.parse(opts.to) - from;
  const seqByTenant = new Map<string, number>();
  const out: ReportRecord[] = [];
  for (let i = 0; i < opts.count; i++) {
    const tenant = pick(opts.tenants);
    const seq = (seqByTenant.get(tenant) ?? 0) + 1;
    seqByTenant.set(tenant, seq);
    // Sorted times: records arrive in order, as a chain would hold them. Whole seconds, like the seed.
    const ms = from + Math.floor(((i + rnd()) / opts.count) * span / 1000) * 1000;
    const timestamp = new Date(ms).toISOString().replace('.000Z', 'Z');
    const base = { id: `${tenant}-${seq}`, tenant, user: pick(SAMPLE_USERS), timestamp };
    const roll = rnd();
    if (roll < 0.78) {
      const resource_type = pick(RESOURCES);
      const data_classification = pick(CLASSES);
      out.push({
        ...base, kind: 'log', operation: pick(OPERATIONS), resource_type,
        resource_id: String(1000 + Math.floor(rnd() * 400)), compliance_framework: pick(FRAMEWORK_TAGS),
        data_classification, is_sensitive: data_classification === 'RESTRICTED' || data_classification === 'TOP_SECRET',
      });
    } else if (roll < 0.9) {
      const data_classification = pick(CLASSES);
      out.push({
        ...base, kind: 'query', query_type: pick(['SELECT', 'COUNT', 'AGGREGATE', 'REPORT']), model_name: pick(MODELS),
        data_classification, is_sensitive: data_classification !== 'PUBLIC' && data_classification !== 'INTERNAL',
        record_count: Math.floor(rnd() * 5000),
      });
    } else if (roll < 0.95) {
      const export_type = pick(['CSV', 'EXCEL', 'PDF', 'JSON', 'XML']);
      const model_name = pick(MODELS);
      out.push({
        ...base, kind: 'export', export_type, model_name, record_count: Math.floor(rnd() * 20000),
        file_path: `/exports/${model_name}-${seq}.${export_type === 'EXCEL' ? 'xlsx' : export_type.toLowerCase()}`,
      });
    } else {
      const status = pick(STATUSES);
      const resolved = status === 'RESOLVED' || status === 'CLOSED';
      out.push({
        ...base, kind: 'violation', violation_type: pick(VIOLATIONS), severity: pick(SEVERITIES), status,
        ...(resolved ? { resolved_at: new Date(ms + Math.floor(rnd() * 96 + 1) * 3_600_000).toISOString() } : {}),
      });
    }
  }
  return out;
}
