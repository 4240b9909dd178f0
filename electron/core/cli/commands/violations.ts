// `auditdesk violations list|show|transition|detect|rules` (issue 6): the violations queue, one case
// with its history, case changes (one or many violations at once), detection on demand over a
// period, and the detection rules' settings.
import { UserError } from '../../errors';
import { changeSettings } from '../../settings/setting-change';
import { readCase } from '../../violations/case-history';
import { listCases, type CaseFilter } from '../../violations/case-queue';
import { updateCases, type CaseChange } from '../../violations/case-update';
import { detectPeriod } from '../../violations/detection/detect-period';
import { readRulesConfig, RULE_NAMES, setDetectAtIngest, setRuleConfig, type RuleName } from '../../violations/detection/rules-config';
import { isCaseStatus } from '../../violations/workflow';
import { JSON_FLAG, PASSPHRASE_FILE, type Command } from '../command';
import { openVaultWithPassphrase } from '../open-from-cli';
import { cliActor } from './cli-actor';

const USAGE = [
  'auditdesk violations list VAULT [--tenant T] [--type TYPE] [--severity S] [--status S] [--assignee U|none] [--min-age DAYS] [--json]',
  '       violations show VAULT ID [--tenant T] [--json]',
  '       violations transition VAULT ID… [--to STATUS] [--assignee U] [--notes TEXT] [--resolution TEXT] [--by USER] [--tenant T] [--json]',
  '       violations detect VAULT [--from DATE] [--to DATE] [--json]',
  '       violations rules VAULT [--set RULE.KEY=JSON]… [--set at_ingest=true|false] [--json]',
].join('\n');

export const violationsCommand: Command = {
  name: 'violations',
  usage: USAGE,
  summary: 'the violations queue and case workflow (OPEN → INVESTIGATING → RESOLVED → CLOSED), detection rules',
  options: {
    ...PASSPHRASE_FILE, ...JSON_FLAG,
    tenant: { type: 'string' }, type: { type: 'string' }, severity: { type: 'string' }, status: { type: 'string' },
    assignee: { type: 'string' }, 'min-age': { type: 'string' }, to: { type: 'string' }, from: { type: 'string' },
    notes: { type: 'string' }, resolution: { type: 'string' }, by: { type: 'string' }, set: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    if (!action || !['list', 'show', 'transition', 'detect', 'rules'].includes(action)) throw new UserError(`say list, show, transition, detect or rules\nusage: ${USAGE}`);
    if (!rest[0]) throw new UserError(`name the vault file\nusage: ${USAGE}`);
    const v = args.values;
    const json = v.json === true;
    const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
    if (action === 'show' && !rest[1]) throw new UserError('name the violation id');
    if (action === 'transition' && rest.length < 2) throw new UserError('name at least one violation id');
    const { db, path, passphrase, rawKey } = await openVaultWithPassphrase({ values: v, positionals: rest }, io, { forWorkers: action === 'detect' });
    try {
      if (action === 'list') {
        const status = str('status');
        if (status !== undefined && !isCaseStatus(status)) throw new UserError(`--status: say OPEN, INVESTIGATING, RESOLVED or CLOSED`);
        const minAge = str('min-age');
        const filter: CaseFilter = {
          tenant: str('tenant'), violation_type: str('type'), severity: str('severity'), status: status as CaseFilter['status'],
          assignee: str('assignee'), min_age_days: minAge === undefined ? undefined : positive(minAge, '--min-age'),
        };
        const { results, count } = listCases(db, filter);
        if (json) io.stdout.write(`${JSON.stringify({ results, count })}\n`);
        else {
          for (const c of results) {
            io.stdout.write(`${c.status.padEnd(13)} ${c.severity.padEnd(8)} ${c.violation_type.padEnd(20)} ${c.tenant}  ${c.id}  ${c.assignee ? `@${c.assignee}  ` : ''}${c.age_days}d  ${c.description ?? ''}\n`);
          }
          io.stdout.write(`${count} violation(s)\n`);
        }
        return 0;
      }
      if (action === 'show') {
        const c = readCase(db, rest[1]!, str('tenant'));
        if (json) io.stdout.write(`${JSON.stringify(c)}\n`);
        else {
          const r = c.violation;
          io.stdout.write(`${r.violation_type} ${r.severity} in ${r.tenant}: ${r.description ?? ''}\n`);
          io.stdout.write(`id ${r.id}, raised ${r.timestamp}, status ${c.status}${c.assignee ? `, assigned to ${c.assignee}` : ''}\n`);
          if (c.resolution) io.stdout.write(`resolution: ${c.resolution}\n`);
          if (r.details) io.stdout.write(`details: ${JSON.stringify(r.details)}\n`);
          for (const e of c.history) {
            io.stdout.write(`  seq ${e.seq}  ${e.at}  ${e.by ?? '?'}: ${e.from ?? '?'} → ${e.to}${e.assignee ? ` @${e.assignee}` : ''}${e.notes ? `  "${e.notes}"` : ''}${e.resolution ? `  resolution: "${e.resolution}"` : ''}\n`);
          }
        }
        return 0;
      }
      if (action === 'transition') {
        const to = str('to');
        if (to !== undefined && !isCaseStatus(to)) throw new UserError(`--to: say OPEN, INVESTIGATING, RESOLVED or CLOSED`);
        const change: CaseChange = {};
        if (to !== undefined) change.to = to as CaseChange['to'];
        if (str('assignee') !== undefined) change.assignee = str('assignee') === 'none' ? '' : str('assignee');
        if (str('notes') !== undefined) change.notes = str('notes');
        if (str('resolution') !== undefined) change.resolution = str('resolution');
        const outcomes = updateCases(db, rest.slice(1).map((id) => ({ id, tenant: str('tenant') })), change, { user: cliActor(v.by, io) });
        if (json) io.stdout.write(`${JSON.stringify(outcomes)}\n`);
        else {
          for (const o of outcomes) {
            io.stdout.write(o.ok ? `${o.id}: ${o.event.from} → ${o.event.to} (seq ${o.event.seq} of ${o.tenant})\n` : `${o.id}: refused: ${o.reason}\n`);
          }
        }
        return outcomes.every((o) => o.ok) ? 0 : 2;
      }
      if (action === 'detect') {
        const result = await detectPeriod(db, { from: str('from'), to: str('to') }, {
          parallel: { vaultPath: path, passphrase, rawKey }, rollbackJournalIfAlone: true,
        });
        if (json) io.stdout.write(`${JSON.stringify(result)}\n`);
        else {
          const raised = Object.entries(result.raised).map(([rule, n]) => `${n} ${rule}`).join(', ') || 'none';
          io.stdout.write(`looked at ${result.scanned} candidate records; raised ${raised}; ${result.existing} already raised\n`);
        }
        return 0;
      }
      // All the --set at once or none (a refused value is not left stored), and the change recorded in the chain.
      changeSettings(db, cliActor(v.by, io), ['detection_rules'], () => {
        for (const assignment of (v.set as string[] | undefined) ?? []) {
          const ingest = /^at_ingest=(true|false)$/.exec(assignment);
          if (ingest) {
            setDetectAtIngest(db, ingest[1] === 'true');
            continue;
          }
          const m = /^([A-Z_]+)\.([a-z_]+)=(.*)$/s.exec(assignment);
          if (!m || !RULE_NAMES.includes(m[1] as RuleName)) throw new UserError(`--set ${assignment}: expected RULE.KEY=JSON with RULE one of ${RULE_NAMES.join(', ')}`);
          let value: unknown;
          try {
            value = JSON.parse(m[3]!);
          } catch {
            value = m[3];
          }
          setRuleConfig(db, m[1] as RuleName, { [m[2]!]: value });
        }
      });
      const config = readRulesConfig(db);
      io.stdout.write(json ? `${JSON.stringify(config)}\n` : `${JSON.stringify(config, null, 2)}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new UserError(`${name} must be a number of days`);
  return n;
}
