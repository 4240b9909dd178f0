// Saved Trail views (issue 7): a name for the Trail's URL query string, kept in the vault so a view
// saved in one browser opens in the desktop app and on any device that opens the vault.
import { z } from 'zod';

export const VIEW_NAME_MAX = 80;

/** The name as the user types it: trimmed, 1-80 characters. The Trail checks it before asking. */
export const viewNameSchema = z
  .string()
  .trim()
  .min(1, 'name the view, e.g. SOX deletes')
  .max(VIEW_NAME_MAX, `a view name is at most ${VIEW_NAME_MAX} characters`);

export const savedViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** The Trail's URL query string, without the '?': operation=DELETE&tenant=acme. */
  query: z.string(),
  created_at: z.string(),
  created_by: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** Every saved view, by name: each answer carries the whole list, so the menu redraws from it. */
const viewListSchema = z.array(savedViewSchema);

/** Merged into ROUTES (shared/api/routes.ts). */
export const viewRoutes = {
  'views.list': { request: z.object({}).strict(), response: viewListSchema },
  /** A name already taken is refused (code `failed`) unless `replace`: the UI asks the user first. */
  'views.save': {
    request: z.object({ name: viewNameSchema, query: z.string().max(4000), replace: z.boolean().default(false) }),
    response: viewListSchema,
  },
  'views.delete': { request: z.object({ id: z.number().int().positive() }), response: viewListSchema },
} as const;
