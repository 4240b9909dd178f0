// The typed route contract behind both doors: each route names its request schema (parsed at the
// boundary by the backend) and its response schema. The renderer calls `api.call('trail.list', query)`
// and gets a typed Result; IPC and HTTP carry exactly the same {route, body} and answer.
import { z } from 'zod';
import { importResultSchema, jobSchema, verifyResultSchema } from './jobs';
import { recordDetailSchema, recordRefSchema } from './record';
import { ledgerRoutes } from './ledger';
import { reportRoutes } from './reports';
import { retentionRoutes } from './retention';
import { createVaultSchema, sessionSchema, unlockSchema } from './session';
import { settingsRoutes } from './settings';
import { activitySchema, summarySchema } from './summary';
import { trailCountRequestSchema, trailCountSchema, trailFilterSchema, trailPageSchema, trailQuerySchema } from './trail';
import { viewRoutes } from './views';
import { violationRoutes } from './violations';

const none = z.object({}).strict();

export const ROUTES = {
  'session.status': { request: none, response: sessionSchema },
  'session.unlock': { request: unlockSchema, response: sessionSchema },
  'session.lock': { request: none, response: sessionSchema },
  'vault.create': { request: createVaultSchema, response: sessionSchema },
  /** Creates (once) and opens a vault filled with generated records, so a newcomer sees it work. */
  'vault.openDemo': { request: none, response: sessionSchema.extend({ passphrase: z.string() }) },
  'trail.list': { request: trailQuerySchema, response: trailPageSchema },
  'trail.count': { request: trailCountRequestSchema, response: trailCountSchema },
  'record.get': { request: recordRefSchema, response: recordDetailSchema },
  /** Unmasks sensitive values; the reveal itself is appended to the record's chain as a READ record. */
  'record.reveal': { request: z.object({ pos: z.number().int().positive() }), response: recordDetailSchema },
  'summary.get': { request: trailFilterSchema, response: summarySchema },
  'user.activity': { request: z.object({ user: z.string().min(1) }), response: activitySchema },
  'resource.activity': {
    request: z.object({ resource_type: z.string().min(1), resource_id: z.string().min(1) }),
    response: activitySchema,
  },
  'facets.get': {
    request: none,
    response: z.object({
      tenants: z.array(z.string()),
      operations: z.array(z.string()),
      resourceTypes: z.array(z.string()),
      frameworks: z.array(z.string()),
      classifications: z.array(z.string()),
    }),
  },
  'verify.start': { request: none, response: z.object({ jobId: z.string() }) },
  'verify.last': { request: none, response: verifyResultSchema.nullable() },
  'import.start': {
    request: z.object({ name: z.string().min(1).max(500), content: z.string(), format: z.string().optional() }),
    response: z.object({ jobId: z.string() }),
  },
  'job.get': { request: z.object({ id: z.string() }), response: jobSchema },
  /** Desktop only: native dialogs, answered by the Electron shell. */
  'dialog.openVault': { request: none, response: z.string().nullable() },
  'dialog.createVault': { request: none, response: z.string().nullable() },
  ...violationRoutes,
  ...retentionRoutes,
  ...reportRoutes,
  ...ledgerRoutes,
  ...settingsRoutes,
  ...viewRoutes,
} as const;

export type RouteName = keyof typeof ROUTES;
export type RouteRequest<R extends RouteName> = z.input<(typeof ROUTES)[R]['request']>;
export type RouteResponse<R extends RouteName> = z.output<(typeof ROUTES)[R]['response']>;

export function isRouteName(name: unknown): name is RouteName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ROUTES, name);
}

export { importResultSchema };

/** Events pushed to the renderer (Electron: the preload's subscription; the browser has none). */
export type ShellEvent =
  | { type: 'lock' }
  | { type: 'navigate'; to: string }
  | { type: 'open-vault'; path: string }
  | { type: 'session-changed' };
