// Reading the vault: the Trail, a record, the dashboard, activity, filter menus.
import { fail, ok } from '../../../../shared/api/result';
import { activitySchema } from '../../../../shared/api/summary';
import { resourceActivity, userActivity } from '../../queries/activity';
import { facets } from '../../queries/facets';
import { recordDetail } from '../../queries/record-detail';
import { summarize } from '../../queries/summary';
import { countTrail } from '../../queries/trail-count';
import { BadCursorError, listTrail } from '../../queries/trail-list';
import { requireDb, type HandlerMap } from '../context';
import { logReveal } from '../reveal-record';

void activitySchema;

export const reviewHandlers: HandlerMap = {
  'trail.list': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    try {
      return ok(listTrail(open.db, body));
    } catch (error) {
      if (error instanceof BadCursorError) return fail('bad_request', error.message);
      throw error;
    }
  },
  'trail.count': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    return ok(countTrail(open.db, body.filter, body.resume));
  },
  'record.get': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    const detail = recordDetail(open.db, body);
    return detail ? ok(detail) : fail('not_found', 'no such record in this vault');
  },
  'record.reveal': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    if (ctx.writing.busy) return fail('busy', 'an import is running; reveal again when it has finished');
    const masked = recordDetail(open.db, { pos: body.pos });
    if (!masked) return fail('not_found', 'no such record in this vault');
    if (masked.masked.length === 0) return ok(masked);
    const r = masked.record;
    const revealId = logReveal(open.db, ctx.reviewer, {
      tenant: String(r.tenant),
      id: String(r.id),
      resourceName: String(r.resource_name ?? `${r.resource_type ?? r.kind}/${r.resource_id ?? r.id}`),
      fields: masked.masked,
      framework: typeof r.compliance_framework === 'string' && r.compliance_framework ? r.compliance_framework : undefined,
      classification: typeof r.data_classification === 'string' ? r.data_classification : undefined,
    });
    ctx.vaultChanged();
    const revealed = recordDetail(open.db, { pos: body.pos }, { reveal: true })!;
    return ok({ ...revealed, revealRecordId: revealId });
  },
  'summary.get': (ctx, body) => {
    const open = requireDb(ctx);
    return open.ok ? ok(summarize(open.db, body)) : open;
  },
  'user.activity': (ctx, body) => {
    const open = requireDb(ctx);
    return open.ok ? ok(userActivity(open.db, body.user)) : open;
  },
  'resource.activity': (ctx, body) => {
    const open = requireDb(ctx);
    return open.ok ? ok(resourceActivity(open.db, body.resource_type, body.resource_id)) : open;
  },
  'facets.get': (ctx) => {
    const open = requireDb(ctx);
    return open.ok ? ok(facets(open.db)) : open;
  },
};
