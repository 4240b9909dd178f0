// Deterministic, seed-shaped records (CONTRACT §1) for benchmarks, tests and the demo vault: the same
// seed always gives the same records, byte for byte.
import type { JsonObject } from '../../../shared/canonical-json';
import { seededRandom } from '../../../shared/seeded-random';

export interface GenerateOptions {
  count: number;
  tenants?: number;
  seed?: number;
  /** First timestamp; records advance by a few seconds each. */
  start?: string;
}

const USERS = [
  'zoe.martin@example.com', 'lukasz.nowak@example.com', 'yamada.taro@example.jp', 'amara.okafor@example.com',
  'sven.lindqvist@example.se', 'priya.raman@example.in', 'jose.garcia@example.es', 'mei.chen@example.cn',
  'olga.ivanova@example.com', 'noah.smith@example.com', 'svc-billing', 'svc-etl',
];
const RESOURCES: Array<{ type: string; framework: string; classification: string; fields: string[] }> = [
  { type: 'invoice', framework: 'SOX', classification: 'CONFIDENTIAL', fields: ['amount', 'currency', 'status', 'due_date'] },
  { type: 'journal_entry', framework: 'SOX', classification: 'RESTRICTED', fields: ['debit', 'credit', 'account', 'memo'] },
  { type: 'card', framework: 'PCI_DSS', classification: 'RESTRICTED', fields: ['credit_card', 'holder', 'expiry'] },
  { type: 'patient_record', framework: 'HIPAA', classification: 'RESTRICTED', fields: ['diagnosis', 'ssn', 'physician'] },
  { type: 'customer', framework: 'GDPR', classification: 'CONFIDENTIAL', fields: ['email', 'address', 'phone', 'consent'] },
  { type: 'loan', framework: 'BASEL_III', classification: 'CONFIDENTIAL', fields: ['exposure', 'rating', 'collateral'] },
  { type: 'server_config', framework: 'ISO_27001', classification: 'INTERNAL', fields: ['setting', 'value'] },
  { type: 'user', framework: '', classification: 'INTERNAL', fields: ['role', 'password', 'active'] },
  { type: 'report', framework: '', classification: 'PUBLIC', fields: ['title', 'pages'] },
];
const OPERATIONS = ['READ', 'READ', 'READ', 'UPDATE', 'UPDATE', 'CREATE', 'DELETE', 'LOGIN', 'LOGOUT', 'EXPORT'];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'python-requests/2.31.0',
];
const SENSITIVE = new Set(['password', 'ssn', 'credit_card', 'bank_account']);

export function* generateRecords(options: GenerateOptions): Generator<JsonObject> {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const tenants = Array.from({ length: options.tenants ?? 3 }, (_, i) => `tenant-${String(i + 1).padStart(2, '0')}`);
  let time = Date.parse(options.start ?? '2024-01-01T08:00:00Z');
  for (let i = 1; i <= options.count; i++) {
    time += Math.floor(random() * 6000);
    const timestamp = new Date(time).toISOString();
    const tenant = pick(tenants);
    const user = pick(USERS);
    const id = `${i}-${hex(8)}`;
    const roll = random();
    if (roll < 0.9) {
      const resource = pick(RESOURCES);
      const operation = resource.type === 'user' && random() < 0.5 ? pick(['LOGIN', 'LOGOUT']) : pick(OPERATIONS);
      const changed = operation === 'UPDATE' ? [pick(resource.fields)] : [];
      const old: JsonObject = {};
      const next: JsonObject = {};
      for (const f of resource.fields) {
        const value = `${f}-${hex(6)}`;
        if (operation !== 'CREATE') old[f] = value;
        if (operation !== 'DELETE') next[f] = changed.includes(f) ? `${f}-${hex(6)}` : value;
      }
      yield {
        id, kind: 'log', tenant, user, timestamp, operation,
        resource_type: resource.type,
        resource_id: String(Math.floor(random() * 50000)),
        resource_name: `${resource.type} ${Math.floor(random() * 9000) + 1000}`,
        old_data: operation === 'CREATE' || operation === 'LOGIN' ? null : old,
        new_data: operation === 'DELETE' || operation === 'LOGOUT' ? null : next,
        changed_fields: changed,
        compliance_framework: resource.framework,
        data_classification: resource.classification,
        is_sensitive: resource.fields.some((f) => SENSITIVE.has(f)),
        request_id: hex(32),
        session_id: hex(24),
        ip_address: `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`,
        user_agent: pick(AGENTS),
      };
    } else if (roll < 0.96) {
      yield {
        id, kind: 'query', tenant, user, timestamp,
        query_type: pick(['SELECT', 'COUNT', 'AGGREGATE', 'EXPORT', 'REPORT'] as const),
        model_name: pick(RESOURCES).type,
        filters_applied: { status: 'open', page: Math.floor(random() * 20) },
        fields_accessed: ['id', 'amount', 'status'],
        record_count: Math.floor(random() * 5000),
        data_classification: 'CONFIDENTIAL',
        is_sensitive: random() < 0.2,
      };
    } else if (roll < 0.99) {
      yield {
        id, kind: 'export', tenant, user, timestamp,
        export_type: pick(['CSV', 'EXCEL', 'PDF', 'JSON', 'XML'] as const),
        model_name: pick(RESOURCES).type,
        filters_applied: { year: 2024 },
        record_count: Math.floor(random() * 20000),
        file_path: `/exports/${hex(12)}.csv`,
        file_size: Math.floor(random() * 5_000_000),
      };
    } else {
      yield {
        id, kind: 'violation', tenant, user, timestamp,
        violation_type: pick(['UNAUTHORIZED_ACCESS', 'POLICY_VIOLATION', 'DATA_LEAKAGE', 'PRIVILEGE_ESCALATION'] as const),
        severity: pick(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const),
        description: 'Access outside the permitted scope',
        details: { rule: 'demo', ip: `10.0.0.${Math.floor(random() * 255)}` },
        status: 'OPEN',
      };
    }
  }
}
