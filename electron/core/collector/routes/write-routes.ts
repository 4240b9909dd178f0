// The collector's write paths (CONTRACT §4): POST audit-logs/, queries/, exports/, audit-violations/
// (one record or an array, `kind` taken from the path when absent) and POST ingest (NDJSON of any kinds;
// a JSON array is accepted too). All or nothing per request; 201 only once the records are committed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kind } from '../../../../shared/records/enums';
import type { AuditRecord } from '../../../../shared/records/record-schema';
import type { Caller, RequestGate } from '../http/request-gate';
import { recordsFromJson, recordsFromNdjson } from '../record-batch';

export const WRITE_PATHS: Record<string, Kind> = {
  'audit-logs': 'log',
  queries: 'query',
  exports: 'export',
  'audit-violations': 'violation',
};

export function registerWriteRoutes(app: FastifyInstance, gate: RequestGate): void {
  const store = async (caller: Caller, reply: FastifyReply, records: AuditRecord[], single: boolean) => {
    const prepared = gate.deps.prepareRecords ? gate.deps.prepareRecords(records) : records;
    const result = await gate.commits.admit(caller.db, prepared, caller.apiKeyId, gate.retryAfter);
    reply.code(201);
    return {
      ...(single ? { id: records[0]!.id } : {}),
      received: result.received,
      inserted: result.inserted,
      duplicates: result.duplicates,
      conflicts: result.conflicts,
      chain_breaks: result.chain_breaks,
    };
  };

  for (const [path, kind] of Object.entries(WRITE_PATHS)) {
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      // Authenticate before reading the records: a stranger learns nothing about the format from 400s.
      const caller = gate.admit(request);
      const body = bodyOf(request);
      const records = recordsFromJson(body, kind);
      return store(caller, reply, records, !body.toString('utf8').trimStart().startsWith('['));
    };
    app.post(`/${path}/`, handler);
    app.post(`/${path}`, handler);
  }

  const ingest = async (request: FastifyRequest, reply: FastifyReply) => {
    const caller = gate.admit(request);
    const body = bodyOf(request);
    const records = body.toString('utf8').trimStart().startsWith('[') ? recordsFromJson(body, null) : recordsFromNdjson(body);
    return store(caller, reply, records, false);
  };
  app.post('/ingest', ingest);
  app.post('/ingest/', ingest);
}

function bodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}
