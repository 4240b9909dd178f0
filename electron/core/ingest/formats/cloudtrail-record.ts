// Maps one AWS CloudTrail event onto an AuditDesk record (CONTRACT §1), keeping the event in full in
// `original`. Values that look wrong (an IP of "AWS Internal", an unknown region) are kept as they
// are: an auditor wants to see them, and refusing them would refuse the whole file.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonObject, type JsonValue } from '../../../../shared/canonical-json';
import type { FieldError } from '../../../../shared/records/record-schema';
import { upperWord } from './operation-word';
import { raisedViolation } from './raised-violation';

const READ = /^(Get|List|Describe|Head|Lookup)(?=[A-Z]|$)/;
const CREATE = /^(Create|Put)(?=[A-Z]|$)/;
const UPDATE = /^(Update|Modify)(?=[A-Z]|$)/;
const DELETE = /^Delete(?=[A-Z]|$)/;
const DENIED = /AccessDenied|UnauthorizedOperation|UnauthorizedAccess/i;

/** requestParameters members that name the resource acted on, most specific first. */
const RESOURCE_KEYS = [
  'bucketName', 'instanceId', 'roleArn', 'roleName', 'userName', 'groupName', 'policyArn', 'functionName',
  'tableName', 'keyId', 'volumeId', 'snapshotId', 'dBInstanceIdentifier', 'secretId', 'name', 'resourceArn',
];

export function cloudtrailOperation(eventName: string | undefined, readOnly: unknown): string {
  const name = eventName ?? '';
  if (name === 'ConsoleLogin') return 'LOGIN';
  if (READ.test(name)) return 'READ';
  if (CREATE.test(name)) return 'CREATE';
  if (UPDATE.test(name)) return 'UPDATE';
  if (DELETE.test(name)) return 'DELETE';
  if (readOnly === true || readOnly === 'true') return 'READ';
  return upperWord(name);
}

const asObject = (v: unknown): JsonObject | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : null);
const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

export function cloudtrailUser(identity: unknown): string | null {
  const id = asObject(identity);
  if (!id) return null;
  return (
    nonEmpty(id.arn) ?? nonEmpty(id.principalId) ?? nonEmpty(id.userName) ??
    (id.type === 'AWSAccount' ? nonEmpty(id.accountId) : null) ?? nonEmpty(id.invokedBy) ?? nonEmpty(id.type)
  );
}

/** The resource the request names: a well-known request parameter, the event's resources, or nothing. */
export function cloudtrailResourceId(event: JsonObject): string | null {
  const params = asObject(event.requestParameters);
  if (params) {
    for (const key of RESOURCE_KEYS) {
      const value = nonEmpty(params[key]);
      if (value) return key === 'bucketName' && nonEmpty(params.key) ? `${value}/${params.key as string}` : value;
    }
    const items = asObject(params.instancesSet)?.items;
    if (Array.isArray(items)) {
      const ids = items.map((i) => nonEmpty(asObject(i)?.instanceId)).filter((i): i is string => i !== null);
      if (ids.length) return ids.join(',');
    }
  }
  const resources = event.resources;
  if (Array.isArray(resources)) {
    const arn = nonEmpty(asObject(resources[0])?.ARN);
    if (arn) return arn;
  }
  return null;
}

function stableId(event: JsonObject): string {
  return `cloudtrail:${createHash('sha256').update(canonicalJson(event)).digest('hex').slice(0, 32)}`;
}

export type Mapped = { records: JsonObject[] } | { errors: FieldError[] };

export function cloudtrailRecords(value: JsonValue): Mapped {
  const event = asObject(value);
  if (!event) return { errors: [{ field: '(record)', message: 'a CloudTrail event must be a JSON object' }] };
  const timestamp = nonEmpty(event.eventTime) ?? nonEmpty(event['@timestamp']);
  if (!timestamp) return { errors: [{ field: 'eventTime', message: 'is required (neither eventTime nor @timestamp is present)' }] };
  const identity = asObject(event.userIdentity);
  const eventName = nonEmpty(event.eventName) ?? undefined;
  const eventSource = nonEmpty(event.eventSource);
  const record: JsonObject = {
    id: nonEmpty(event.eventID) ?? stableId(event),
    kind: 'log',
    tenant: nonEmpty(event.recipientAccountId) ?? nonEmpty(identity?.accountId) ?? 'unknown-aws-account',
    user: cloudtrailUser(identity),
    timestamp,
    operation: cloudtrailOperation(eventName, event.readOnly),
    resource_type: eventSource ? eventSource.replace(/\.amazonaws\.com$/, '') : 'aws',
  };
  const resourceId = cloudtrailResourceId(event);
  if (resourceId) record.resource_id = resourceId;
  const params = asObject(event.requestParameters);
  if (params) record.new_data = params;
  const ip = nonEmpty(event.sourceIPAddress);
  if (ip) record.ip_address = ip;
  const agent = nonEmpty(event.userAgent);
  if (agent) record.user_agent = agent;
  const requestId = nonEmpty(event.requestID);
  if (requestId) record.request_id = requestId;
  if (eventName) record.event_name = eventName;
  if (eventSource) record.event_source = eventSource;
  const region = nonEmpty(event.awsRegion);
  if (region) record.aws_region = region;
  const errorCode = nonEmpty(event.errorCode);
  if (errorCode) record.error_code = errorCode;
  if (nonEmpty(event.errorMessage)) record.error_message = event.errorMessage as string;
  record.original = event;

  const records = [record];
  if (errorCode && DENIED.test(errorCode)) {
    records.push(raisedViolation({
      id: `unauthorized:${record.id as string}`,
      tenant: record.tenant as string,
      user: record.user as string | null,
      timestamp,
      violation_type: 'UNAUTHORIZED_ACCESS',
      severity: 'HIGH',
      description: `AWS refused ${eventName ?? 'a request'} on ${eventSource ?? 'an AWS service'} (${errorCode})`,
      details: {
        record_id: record.id as string, event_name: eventName ?? null, event_source: eventSource,
        error_code: errorCode, error_message: nonEmpty(event.errorMessage), source_ip: ip,
      },
    }));
  }
  return { records };
}
