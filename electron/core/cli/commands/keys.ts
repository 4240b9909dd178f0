// `auditdesk keys create|list|revoke` (CONTRACT §3): collector API keys. `create` prints the key alone on
// stdout, so that `KEY=$(auditdesk keys create v.vault --name app)` captures it; everything else goes to
// stderr. The key cannot be shown again.
import { UserError } from '../../errors';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyInfo } from '../../keys/api-keys';
import { openVault } from '../../vault/open-vault';
import { JSON_FLAG, PASSPHRASE_FILE, type Command, type ParsedArgs } from '../command';
import type { CliIo } from '../io';
import { readPassphrase } from '../passphrase';
import { cliActor } from './cli-actor';

const USAGE =
  'auditdesk keys create VAULT --name NAME [--by WHO] | keys list VAULT [--json] | keys revoke VAULT NAME|ID [--by WHO]';

export const keysCommand: Command = {
  name: 'keys',
  usage: USAGE,
  summary: 'create, list or revoke collector API keys (a new key is printed once, alone on stdout)',
  options: { ...PASSPHRASE_FILE, ...JSON_FLAG, name: { type: 'string' }, by: { type: 'string' } },
  async run(args, io) {
    const [action, vaultPath, target] = args.positionals;
    if (!action || !['create', 'list', 'revoke'].includes(action)) throw new UserError(`say create, list or revoke\nusage: ${USAGE}`);
    if (!vaultPath) throw new UserError(`name the vault file\nusage: ${USAGE}`);
    if (action === 'create' && typeof args.values.name !== 'string') throw new UserError('name the key: --name NAME');
    if (action === 'revoke' && !target) throw new UserError('name the key to revoke (its name or id)');
    const db = openVault(vaultPath, await passphrase(args, io));
    try {
      if (action === 'create') {
        const created = createApiKey(db, args.values.name as string, cliActor(args.values.by, io));
        io.stdout.write(`${created.key}\n`);
        io.stderr.write(`created API key ${created.name} (id ${created.id}); it is shown only now: store it safely\n`);
      } else if (action === 'list') {
        const keys = listApiKeys(db);
        io.stdout.write(args.values.json ? `${JSON.stringify(keys)}\n` : describeKeys(keys));
      } else {
        const revoked = revokeApiKey(db, target!, cliActor(args.values.by, io));
        io.stdout.write(`revoked ${revoked.name} (id ${revoked.id}) at ${revoked.revoked_at}\n`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

function passphrase(args: ParsedArgs, io: CliIo): Promise<string> {
  return readPassphrase(io, args.values['passphrase-file'] as string | undefined);
}

function describeKeys(keys: ApiKeyInfo[]): string {
  if (keys.length === 0) return 'no API keys; create one with: auditdesk keys create VAULT --name NAME\n';
  const rows = keys.map((k) =>
    [String(k.id), k.name, `${k.prefix}…`, k.created_at, k.revoked_at ? `revoked ${k.revoked_at}` : 'active', k.last_used_at ?? 'never used'].join('  '),
  );
  return `${['id', 'name', 'prefix', 'created', 'state', 'last used'].join('  ')}\n${rows.join('\n')}\n`;
}
