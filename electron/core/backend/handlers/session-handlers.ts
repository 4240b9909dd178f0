// Unlock, lock, create and the demo: the session's life cycle.
import { fail, ok, type Result } from '../../../../shared/api/result';
import type { Session } from '../../../../shared/api/session';
import { UserError } from '../../errors';
import { sensitiveFieldNames } from '../../queries/sensitive-fields';
import { indexCoverage } from '../../queries/review-indexer';
import type { BackendContext, HandlerMap } from '../context';
import { DEMO_PASSPHRASE, ensureDemoVault } from '../demo-vault';

export function sessionOf(ctx: BackendContext): Session {
  const db = ctx.session.connection;
  const path = ctx.session.path;
  return {
    state: db ? 'unlocked' : path ? 'locked' : 'no-vault',
    vault: path ? { path: ctx.options.canChooseVault ? path : ctx.session.name!, name: ctx.session.name! } : null,
    canChooseVault: ctx.options.canChooseVault,
    canRemember: ctx.options.memory !== undefined,
    recent: ctx.options.recent?.list() ?? [],
    reviewer: ctx.reviewer,
    search: db ? indexCoverage(db) : null,
    idleLockMinutes: ctx.options.idleLockMinutes ?? 15,
    sensitiveFields: db ? sensitiveFieldNames(db) : [],
  };
}

function openWith(ctx: BackendContext, passphrase: string, path: string | undefined, create: boolean): Result<Session> {
  try {
    ctx.session.unlock(passphrase, path ?? ctx.session.path, create);
  } catch (error) {
    if (error instanceof UserError) {
      const wrong = /wrong passphrase/.test(error.message);
      return fail(wrong ? 'wrong_passphrase' : 'failed', wrong ? 'That passphrase does not open this vault.' : error.message);
    }
    throw error;
  }
  ctx.options.recent?.add(ctx.session.path!);
  ctx.vaultChanged();
  return ok(sessionOf(ctx));
}

export const sessionHandlers: HandlerMap = {
  'session.status': (ctx) => ok(sessionOf(ctx)),
  'session.unlock': (ctx, body) => {
    if (body.path && !ctx.options.canChooseVault && body.path !== ctx.session.path) {
      return fail('forbidden', 'this server reviews only the vault it was started with');
    }
    const path = body.path ?? ctx.session.path ?? undefined;
    if (!path) return fail('no_vault', 'choose a vault to open');
    const passphrase = body.passphrase || ctx.options.memory?.recall(path) || '';
    if (!passphrase) return fail('bad_request', 'enter the passphrase');
    const result = openWith(ctx, passphrase, path, false);
    if (result.ok && ctx.options.memory) {
      if (body.remember) ctx.options.memory.remember(path, passphrase);
      else if (body.remember === false) ctx.options.memory.forget(path);
    }
    return result;
  },
  'session.lock': (ctx) => {
    ctx.session.lock();
    return ok(sessionOf(ctx));
  },
  'vault.create': (ctx, body) => {
    if (!ctx.options.canChooseVault) return fail('not_supported', 'vaults are created in the desktop app or with `auditdesk init`');
    return openWith(ctx, body.passphrase, body.path, true);
  },
  'vault.openDemo': (ctx) => {
    if (!ctx.options.canChooseVault || !ctx.options.dataDir) return fail('not_supported', 'the demo vault is offered by the desktop app');
    const file = ensureDemoVault(ctx.options.dataDir, ctx.options.nativeBinding);
    const opened = openWith(ctx, DEMO_PASSPHRASE, file, false);
    return opened.ok ? ok({ ...opened.value, passphrase: DEMO_PASSPHRASE }) : opened;
  },
};
