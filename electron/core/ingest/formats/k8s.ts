// Format `k8s`: Kubernetes API-server audit logs (audit.k8s.io/v1 Event, one a line, as the log
// backend writes them; an EventList document too). The stages of one request (same auditID) become one
// record. Memory stays bounded: a request is written out when its last stage (ResponseComplete or
// Panic) arrives, the oldest open requests are written out when too many are open (long watches never
// complete), and whatever is open at the end of the file is written out then.
import type { JsonObject } from '../../../../shared/canonical-json';
import type { Line } from '../line-reader';
import type { FormatContext, ImportFormat, ParsedItem } from './import-format';
import { jsonValues } from './json-documents';
import { K8S_DEFAULT_TENANT, k8sRecords } from './k8s-record';

export const MAX_OPEN_REQUESTS = 10_000;
const FINAL_STAGES = new Set(['ResponseComplete', 'Panic']);
/** Ids already written out, remembered (bounded) so a straggling stage is not taken for a new request. */
const REMEMBERED_DONE = 100_000;

export const k8sFormat: ImportFormat = {
  name: 'k8s',
  detect: (sample) => /"apiVersion"\s*:\s*"audit\.k8s\.io\/v1(beta1)?"/.test(sample),
  read: (lines, context) => readK8s(lines, context),
};

interface Open {
  line: number;
  stages: JsonObject[];
}

export async function* readK8s(lines: AsyncIterable<Line>, context: FormatContext): AsyncGenerator<ParsedItem> {
  const tenant = context.options.tenant || K8S_DEFAULT_TENANT;
  const open = new Map<string, Open>();
  const done = new Set<string>();
  const flush = function* (id: string): Generator<ParsedItem> {
    const request = open.get(id)!;
    open.delete(id);
    done.add(id);
    if (done.size > REMEMBERED_DONE) done.delete(done.values().next().value as string);
    for (const record of k8sRecords(request.stages, tenant)) yield { line: request.line, record };
  };

  for await (const piece of jsonValues(lines)) {
    if ('errors' in piece) {
      yield piece;
      continue;
    }
    const value = piece.value;
    const list = value as { kind?: unknown; items?: unknown };
    const events = list && list.kind === 'EventList' && Array.isArray(list.items) ? list.items : [value];
    for (const event of events as JsonObject[]) {
      if (!event || typeof event !== 'object' || Array.isArray(event) || event.kind !== 'Event') {
        yield { line: piece.line, errors: [{ field: 'kind', message: 'expected a Kubernetes audit Event ("kind": "Event")' }] };
        continue;
      }
      const id = event.auditID;
      if (typeof id !== 'string' || id === '') {
        yield { line: piece.line, errors: [{ field: 'auditID', message: 'is required' }] };
        continue;
      }
      if (!open.has(id) && done.has(id)) {
        // A stage after the request's last one: kept as a record of its own rather than lost.
        const stage = typeof event.stage === 'string' ? event.stage : 'stage';
        for (const record of k8sRecords([event], tenant, `${id}:${stage}`)) yield { line: piece.line, record };
        continue;
      }
      let request = open.get(id);
      if (!request) {
        request = { line: piece.line, stages: [] };
        open.set(id, request);
      }
      // The same stage written twice (a shipper's retry) adds nothing.
      const text = JSON.stringify(event);
      if (!request.stages.some((s) => JSON.stringify(s) === text)) request.stages.push(event);
      if (typeof event.stage === 'string' && FINAL_STAGES.has(event.stage)) yield* flush(id);
      else if (open.size > MAX_OPEN_REQUESTS) yield* flush(open.keys().next().value as string);
    }
  }
  for (const id of [...open.keys()]) yield* flush(id);
}
