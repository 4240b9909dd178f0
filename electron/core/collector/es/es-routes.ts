// The Elasticsearch-compatible door for log shippers (CONTRACT §4): the handshake they make first and
// the bulk and single-document write APIs. Authenticated like the rest of the collector (the API key as
// Basic password, Bearer, or ApiKey). Registered twice: at the root, where shippers look by default,
// and under /es, for a server that shows its own page at `/` (see docs/collector.md).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditRecord } from '../../../../shared/records/record-schema';
import { ApiError } from '../http/api-error';
import type { RequestGate } from '../http/request-gate';
import { parseBulk, type BulkItem } from './bulk-request';
import { documentToRecord } from './document-to-record';
import { catHealth, clusterHealth, licenseInfo, rootInfo, xpackInfo } from './es-info';

const ES = { config: { es: true } } as const;

/** Paths where shippers install templates and policies: answered "already there" / "acknowledged". */
const SETUP_PATHS = ['_index_template', '_template', '_component_template', '_ilm/policy', '_ingest/pipeline', '_data_stream'];

export function registerEsRoutes(app: FastifyInstance, gate: RequestGate, { root }: { root: boolean }): void {
  const authed = <T>(answer: (request: FastifyRequest) => T) => async (request: FastifyRequest, reply: FastifyReply) => {
    gate.admit(request);
    reply.header('x-elastic-product', 'Elasticsearch');
    return answer(request);
  };

  if (root) app.get('/', ES, authed(() => rootInfo()));
  app.get('/_license', ES, authed(() => licenseInfo()));
  app.get('/_xpack', ES, authed(() => xpackInfo()));
  app.get('/_cluster/health', ES, authed(() => clusterHealth()));
  app.get('/_cat/health', ES, async (request, reply) => {
    gate.admit(request);
    reply.header('x-elastic-product', 'Elasticsearch').type('text/plain; charset=UTF-8');
    return catHealth();
  });
  for (const path of SETUP_PATHS) {
    app.get(`/${path}/:name`, ES, authed((request) => existing(path, (request.params as { name: string }).name)));
    app.put(`/${path}/:name`, ES, authed(() => ({ acknowledged: true })));
    app.post(`/${path}/:name`, ES, authed(() => ({ acknowledged: true })));
  }

  const bulk = async (request: FastifyRequest, reply: FastifyReply) => {
    const caller = gate.admit(request);
    const started = Date.now();
    const defaultIndex = (request.params as { index?: string }).index;
    const items = parseBulk(bodyText(request), defaultIndex);
    const answers = await admitItems(items, caller, gate);
    reply.header('x-elastic-product', 'Elasticsearch');
    return { took: Date.now() - started, errors: answers.some((a) => a.status >= 300), items: answers.map((a) => ({ [a.action]: a.body })) };
  };
  app.post('/_bulk', ES, bulk);
  app.put('/_bulk', ES, bulk);
  app.post('/:index/_bulk', ES, bulk);
  app.put('/:index/_bulk', ES, bulk);

  const single = (action: 'index' | 'create') => async (request: FastifyRequest, reply: FastifyReply) => {
    const caller = gate.admit(request);
    const { index, id } = request.params as { index: string; id?: string };
    const item: BulkItem = { action, index, id };
    try {
      item.doc = JSON.parse(bodyText(request));
    } catch (error) {
      throw new ApiError(400, `the document is not JSON: ${(error as Error).message}`, { field: '(document)' });
    }
    const [answer] = await admitItems([item], caller, gate);
    reply.header('x-elastic-product', 'Elasticsearch').code(answer!.status);
    return answer!.body;
  };
  app.post('/:index/_doc', ES, single('index'));
  app.post('/:index/_doc/:id', ES, single('index'));
  app.put('/:index/_doc/:id', ES, single('index'));
  app.post('/:index/_create/:id', ES, single('create'));
  app.put('/:index/_create/:id', ES, single('create'));
}

interface ItemAnswer {
  action: string;
  status: number;
  body: Record<string, unknown>;
}

/** Maps each item to a record, admits the valid ones in one transaction, and answers item by item. */
async function admitItems(items: BulkItem[], caller: { db: import('better-sqlite3').Database; apiKeyId: number | null }, gate: RequestGate): Promise<ItemAnswer[]> {
  const receivedAt = new Date().toISOString();
  const defaultTenant = gate.deps.defaultTenant ?? 'default';
  const answers: ItemAnswer[] = [];
  const toAdmit: Array<{ answer: number; record: AuditRecord }> = [];
  items.forEach((item, position) => {
    const base = { _index: item.index ?? null, _id: item.id ?? null };
    if (item.problem) {
      answers.push(failed(item.action, base, 400, 'action_request_validation_exception', `[item ${position}] ${item.problem}`));
      return;
    }
    const mapped = documentToRecord(item.doc, { index: item.index, id: item.id, defaultTenant, receivedAt });
    if (!mapped.ok) {
      const first = mapped.errors[0]!;
      answers.push(
        failed(item.action, base, 400, 'document_parsing_exception', `[item ${position}] field [${first.field}] ${first.message}`, first.field),
      );
      return;
    }
    answers.push({ action: item.action, status: 0, body: { ...base, _id: mapped.record.id } });
    toAdmit.push({ answer: answers.length - 1, record: mapped.record });
  });
  if (toAdmit.length > 0) {
    const records = gate.deps.prepareRecords ? gate.deps.prepareRecords(toAdmit.map((t) => t.record)) : toAdmit.map((t) => t.record);
    const result = await gate.commits.admit(caller.db, records, caller.apiKeyId, gate.retryAfter);
    result.outcomes.forEach((outcome, i) => {
      const answer = answers[toAdmit[i]!.answer]!;
      const shards = { total: 1, successful: 1, failed: 0 };
      if (outcome === 'inserted') {
        answer.status = 201;
        Object.assign(answer.body, { _version: 1, result: 'created', _shards: shards, _seq_no: i, _primary_term: 1, status: 201 });
      } else if (outcome === 'duplicate') {
        // Already stored with the same content (a shipper's retry): nothing to do, and nothing to retry.
        answer.status = 200;
        Object.assign(answer.body, { _version: 1, result: 'noop', _shards: shards, _seq_no: i, _primary_term: 1, status: 200 });
      } else {
        const reason = `[${answer.body._id}]: version conflict, a record with this id and other content is already in the vault (kept aside for review)`;
        Object.assign(answer, failed(answer.action, answer.body, 409, 'version_conflict_engine_exception', reason));
      }
    });
  }
  return answers;
}

function failed(action: string, base: Record<string, unknown>, status: number, type: string, reason: string, field?: string): ItemAnswer {
  return { action, status, body: { ...base, status, error: { type, reason, ...(field ? { field } : {}) } } };
}

function existing(path: string, name: string): unknown {
  if (path === '_index_template') return { index_templates: [{ name, index_template: { index_patterns: [`${name}*`], template: {} } }] };
  if (path === '_data_stream') return { data_streams: [{ name, status: 'GREEN', indices: [] }] };
  return { [name]: {} };
}

function bodyText(request: FastifyRequest): string {
  return Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
}
