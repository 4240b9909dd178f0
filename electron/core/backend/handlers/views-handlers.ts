// The Trail's saved views (issue 7), kept in the vault. Not recorded in the chain: a view is a
// reviewer's shortcut to a filter, not evidence, and saving one changes no record.
import { fail, ok } from '../../../../shared/api/result';
import { deleteSavedView, findSavedView, listSavedViews, upsertSavedView } from '../../queries/saved-views';
import { requireDb, type HandlerMap } from '../context';

const BUSY = 'an import is running; try again when it has finished';

export const viewsHandlers: HandlerMap = {
  'views.list': (ctx) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    return ok(listSavedViews(open.db));
  },
  'views.save': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    if (ctx.writing.busy) return fail('busy', BUSY);
    if (!body.replace && findSavedView(open.db, body.name)) return fail('failed', `a view named “${body.name}” already exists`);
    upsertSavedView(open.db, { name: body.name, query: body.query, created_at: new Date().toISOString(), created_by: ctx.reviewer });
    return ok(listSavedViews(open.db));
  },
  'views.delete': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    if (ctx.writing.busy) return fail('busy', BUSY);
    if (!deleteSavedView(open.db, body.id)) return fail('not_found', 'no such view: it may have been deleted already');
    return ok(listSavedViews(open.db));
  },
};
