// `auditdesk hold add|list|release` (CONTRACT §3): legal holds. Records a standing hold covers are
// never archived or purged; adding and releasing are recorded in the chain.
import { UserError } from '../../errors';
import { addHold, listHolds, releaseHold, type Hold } from '../../retention/holds';
import { JSON_FLAG, PASSPHRASE_FILE, type Command } from '../command';
import { openVaultFromArgs } from '../open-from-cli';
import { cliActor } from './cli-actor';

const USAGE = [
  'auditdesk hold add VAULT [--tenant T] [--resource TYPE/ID] [--user U] [--from D] [--to D] --reason TEXT [--by USER]',
  '       hold list VAULT [--active] [--json]',
  '       hold release VAULT ID [--reason TEXT] [--by USER]',
].join('\n');

export const holdCommand: Command = {
  name: 'hold',
  usage: USAGE,
  summary: 'legal holds: records they cover are never archived or purged',
  options: {
    ...PASSPHRASE_FILE, ...JSON_FLAG, tenant: { type: 'string' }, resource: { type: 'string' }, user: { type: 'string' },
    from: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' }, active: { type: 'boolean' },
  },
  async run(args, io) {
    const [action, vault, target] = args.positionals;
    if (!action || !['add', 'list', 'release'].includes(action)) throw new UserError(`say add, list or release\nusage: ${USAGE}`);
    if (!vault) throw new UserError(`name the vault file\nusage: ${USAGE}`);
    const v = args.values;
    const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
    if (action === 'add' && !str('reason')) throw new UserError('a legal hold needs a reason: --reason TEXT');
    const id = target === undefined ? NaN : Number(target);
    if (action === 'release' && !Number.isInteger(id)) throw new UserError('name the hold to release by its id (see hold list)');
    const db = await openVaultFromArgs({ values: v, positionals: [vault] }, io);
    try {
      if (action === 'add') {
        const hold = addHold(db, { tenant: str('tenant'), resource: str('resource'), user: str('user'), from: str('from'), to: str('to'), reason: str('reason')! }, cliActor(v.by, io));
        io.stdout.write(v.json ? `${JSON.stringify(hold)}\n` : `legal hold ${hold.id} added: ${scope(hold)}\n`);
      } else if (action === 'release') {
        const hold = releaseHold(db, id, cliActor(v.by, io), str('reason'));
        io.stdout.write(v.json ? `${JSON.stringify(hold)}\n` : `legal hold ${hold.id} released at ${hold.released_at}\n`);
      } else {
        const holds = listHolds(db, { includeReleased: v.active !== true });
        if (v.json) io.stdout.write(`${JSON.stringify(holds)}\n`);
        else if (holds.length === 0) io.stdout.write('no legal holds\n');
        else {
          for (const h of holds) {
            io.stdout.write(`${h.id}  ${h.released_at ? `released ${h.released_at}` : 'ACTIVE'}  ${scope(h)}  covers ${h.records} record(s)  by ${h.created_by} ${h.created_at}\n`);
          }
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

function scope(h: Hold): string {
  const parts: string[] = [];
  if (h.tenant) parts.push(`tenant ${h.tenant}`);
  if (h.resource_type) parts.push(`resource ${h.resource_type}${h.resource_id ? `/${h.resource_id}` : ''}`);
  if (h.user) parts.push(`user ${h.user}`);
  if (h.from_utc) parts.push(`from ${h.from_utc}`);
  if (h.to_utc) parts.push(`before ${h.to_utc}`);
  return `${parts.join(', ')} — ${h.reason}`;
}
