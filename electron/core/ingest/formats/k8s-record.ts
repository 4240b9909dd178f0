// Maps the stages of one Kubernetes API request (audit.k8s.io/v1 Events sharing an auditID:
// RequestReceived, ResponseStarted, ResponseComplete or Panic) onto ONE AuditDesk record, with every
// stage kept in `original`. A 401 or 403 answer also raises an UNAUTHORIZED_ACCESS violation.
import type { JsonObject } from '../../../../shared/canonical-json';
import { upperWord } from './operation-word';
import { raisedViolation } from './raised-violation';

/** Kubernetes has no tenant: a cluster's records go to this one unless the caller names another. */
export const K8S_DEFAULT_TENANT = 'kubernetes';

const VERBS: Record<string, string> = {
  get: 'READ', list: 'READ', watch: 'READ',
  create: 'CREATE',
  update: 'UPDATE', patch: 'UPDATE',
  delete: 'DELETE', deletecollection: 'DELETE',
};

export function k8sOperation(verb: unknown): string {
  return typeof verb === 'string' ? (VERBS[verb] ?? upperWord(verb)) : 'UNKNOWN';
}

const obj = (v: unknown): JsonObject | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The stage that says the most about the outcome: the last one, as Kubernetes writes them in order. */
function latest(stages: JsonObject[], member: string): unknown {
  for (let i = stages.length - 1; i >= 0; i--) if (stages[i]![member] !== undefined) return stages[i]![member];
  return undefined;
}

/** `id` defaults to the auditID; a stage that straggles in after its request was written gets its own. */
export function k8sRecords(stages: JsonObject[], tenant = K8S_DEFAULT_TENANT, id?: string): JsonObject[] {
  const first = stages[0]!;
  const auditId = id ?? (first.auditID as string);
  const ref = obj(latest(stages, 'objectRef'));
  const user = obj(latest(stages, 'user'));
  const status = obj(latest(stages, 'responseStatus'));
  const code = typeof status?.code === 'number' ? status.code : null;
  const uri = str(latest(stages, 'requestURI'));
  const timestamp = str(first.requestReceivedTimestamp) ?? str(first.stageTimestamp) ?? str(latest(stages, 'stageTimestamp'));

  const record: JsonObject = {
    id: auditId,
    kind: 'log',
    tenant,
    user: str(user?.username),
    operation: k8sOperation(latest(stages, 'verb')),
  };
  // Without any time the record is refused by validation ("timestamp is required"), naming its line.
  if (timestamp) record.timestamp = timestamp;
  if (ref) {
    const resource = str(ref.resource) ?? 'unknown';
    record.resource_type = str(ref.subresource) ? `${resource}/${ref.subresource as string}` : resource;
    const name = str(ref.name);
    const namespace = str(ref.namespace);
    const id = [namespace, name].filter(Boolean).join('/');
    if (id) record.resource_id = id;
    if (name) record.resource_name = name;
  } else {
    // A non-resource request (/healthz, /api): the path is what was asked for.
    record.resource_type = 'url';
    if (uri) record.resource_id = uri.split('?')[0]!;
  }
  const requestObject = obj(latest(stages, 'requestObject'));
  if (requestObject) record.new_data = requestObject;
  const ips = latest(stages, 'sourceIPs');
  if (Array.isArray(ips) && typeof ips[0] === 'string') record.ip_address = ips[0];
  const agent = str(latest(stages, 'userAgent'));
  if (agent) record.user_agent = agent;
  if (code !== null) record.response_code = code;
  record.stages = stages.map((s) => (typeof s.stage === 'string' ? s.stage : null));
  record.original = stages;

  const out = [record];
  if (code === 401 || code === 403) {
    out.push(raisedViolation({
      id: `unauthorized:${auditId}`,
      tenant,
      user: record.user as string | null,
      timestamp: record.timestamp as string,
      violation_type: 'UNAUTHORIZED_ACCESS',
      severity: 'HIGH',
      description: `Kubernetes answered ${code} to ${String(latest(stages, 'verb'))} ${uri ?? ''}`.trim(),
      details: {
        record_id: auditId, response_code: code, verb: (latest(stages, 'verb') as string) ?? null, request_uri: uri,
        reason: str(status?.reason) ?? str(status?.message),
      },
    }));
  }
  return out;
}
