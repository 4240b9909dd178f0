// `auditdesk serve VAULT [--host 127.0.0.1] [--port N]` (CONTRACT §3): the review UI and its API for a
// browser, on loopback by default. Prints one line, the URL to open (with this run's session token),
// and runs until interrupted. Other parts of serve (the collector API) join through
// registerServeExtension() before the server starts listening.
import type Database from 'better-sqlite3';
import { createBackend, type Backend } from '../../backend/backend';
import { mountCollector } from '../../server/mount-collector';
import { startWalCheckpoints } from '../../vault/wal-checkpoints';
import { UserError } from '../../errors';
import { buildServeApp, type ServeApp } from '../../server/build-serve-app';
import { registerSigner } from '../../ledger/signer-registry';
import { loadSigner } from '../../ledger/signing-key';
import { registerRetentionSecrets } from '../../retention/retention-secrets';
import { openVault } from '../../vault/open-vault';
import { PASSPHRASE_FILE, type Command } from '../command';
import { readPassphrase } from '../passphrase';
import { sayingUpgrade } from '../open-from-cli';

export interface ServeContext {
  served: ServeApp;
  /** The UI's backend: whether its vault is unlocked decides whether the collector may write. */
  backend: Backend;
  /** A connection of its own to the vault (the UI's may be locked and closed independently). */
  db: Database.Database;
  vaultPath: string;
}

type ServeExtension = (context: ServeContext) => void | Promise<void>;
// The collector API is always part of serve; other parts may join the same way.
const extensions: ServeExtension[] = [mountCollector];

/** Adds routes to serve's Fastify instance (e.g. `/api/audit/…`); called before it listens. */
export function registerServeExtension(extension: ServeExtension): void {
  extensions.push(extension);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const serveCommand: Command = {
  name: 'serve',
  usage: 'auditdesk serve VAULT [--host 127.0.0.1] [--port N] [--locked] [--idle-lock MINUTES]',
  summary: 'serve the review UI (and the collector API) for a browser on loopback; prints the URL to open',
  options: {
    ...PASSPHRASE_FILE,
    host: { type: 'string' },
    port: { type: 'string' },
    locked: { type: 'boolean' },
    'idle-lock': { type: 'string' },
  },
  async run(args, io) {
    const vaultPath = args.positionals[0];
    if (!vaultPath) throw new UserError('name the vault file');
    const host = (args.values.host as string | undefined) ?? '127.0.0.1';
    const port = args.values.port === undefined ? 0 : Number(args.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError('--port must be a port number (0: any free port)');
    const idle = args.values['idle-lock'] === undefined ? 15 : Number(args.values['idle-lock']);
    if (!Number.isFinite(idle) || idle < 0) throw new UserError('--idle-lock must be a number of minutes (0: never)');
    if (!LOOPBACK.has(host)) {
      io.stderr.write(`auditdesk serve: warning: listening on ${host}, not only on this computer; anyone who gets the URL can read the vault\n`);
    }
    const passphrase = await readPassphrase(io, args.values['passphrase-file'] as string | undefined);
    // Opening it here checks the passphrase before anything listens (exit 2 on a wrong one).
    const db = openVault(vaultPath, passphrase, { onMigration: sayingUpgrade(io, vaultPath) });
    // The collector commits on `db` hundreds of times a second: its WAL copies run on another thread.
    const walCheckpoints = startWalCheckpoints(db, { vaultPath, passphrase, nativeBinding: process.env.AUDITDESK_NATIVE_BINDING });
    // Archiving over the collector's `POST management/` needs the passphrase and the checkpoint signer.
    const signer = loadSigner(vaultPath, passphrase);
    if (signer) {
      registerRetentionSecrets(db, { passphrase, signer, archiveDir: `${vaultPath}.archives` });
      registerSigner(db, signer); // the collector signs a checkpoint after every batch
    }
    const backend = createBackend({
      vaultPath,
      passphrase: args.values.locked ? undefined : passphrase,
      canChooseVault: false,
      idleLockMinutes: idle,
      // The UI's connection commits too (search indexing, reveals): the worker checkpoints for it.
      configureConnection: (connection) => walCheckpoints.release(connection),
    });
    let served: ServeApp;
    try {
      served = await buildServeApp({ backend, host: host === 'localhost' ? '127.0.0.1' : host, port });
      for (const extend of extensions) await extend({ served, backend, db, vaultPath });
      io.stdout.write(`${await served.listen()}\n`);
    } catch (error) {
      backend.close();
      await walCheckpoints.stop();
      db.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UserError(`port ${port} is in use; choose another with --port, or --port 0 for any free one`);
      if (code === 'EADDRNOTAVAIL') throw new UserError(`cannot listen on ${host}: not an address of this computer`);
      throw error;
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await served.close();
    await walCheckpoints.stop();
    db.close();
    return 0;
  },
};
