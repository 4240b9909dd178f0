// The importers on real audit logs (tests/fixtures/real, see its PROVENANCE.md), with counts derived
// independently of our code, by the commands in each test's comment (run in tests/fixtures/real).
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importFile, type ImportResult } from '../../electron/core/ingest/import-file';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';
import { tempDir } from '../support/temp';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- records read back are free-form JSON
type Rec = Record<string, any>;

const REAL = path.resolve(__dirname, '../fixtures/real');
const IMPORT = path.resolve(__dirname, '../fixtures/import');

function vault(): { db: Database.Database; file: string } {
  const file = path.join(tempDir(), 'audit.vault');
  return { db: openVault(file, PASSPHRASE, { create: true }), file };
}

function records(db: Database.Database): Array<Rec> {
  return (db.prepare('SELECT canonical FROM records ORDER BY pos').all() as Array<{ canonical: string }>).map((r) => JSON.parse(r.canonical));
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

async function importTwice(db: Database.Database, file: string, options = {}): Promise<[ImportResult, ImportResult]> {
  const first = await importFile(db, file, options);
  const again = await importFile(db, file, options);
  return [first, again];
}

describe('CloudTrail NDJSON passed through Logstash (OTRF ec2_proxy_s3_exfiltration)', () => {
  it('imports every event once, timed by @timestamp, and a second import adds nothing', async () => {
    const { db } = vault();
    const file = path.join(REAL, 'otrf_aws_ec2_proxy_s3_exfiltration.ndjson');
    const [first, again] = await importTwice(db, file);
    // jq -s length otrf_aws_ec2_proxy_s3_exfiltration.ndjson                      → 103
    // jq -r 'select(.errorCode != null)' otrf_aws_ec2_proxy_s3_exfiltration.ndjson | wc -l → 0 (no violations)
    expect(first).toMatchObject({ ok: true, format: 'cloudtrail', imported: 103, duplicates: 0, conflicts: 0 });
    expect(again).toMatchObject({ ok: true, imported: 0, duplicates: 103 });
    const all = records(db);
    expect(all).toHaveLength(103);
    // jq -r .recipientAccountId … | sort -u → 123456789123
    expect(new Set(all.map((r) => r.tenant))).toEqual(new Set(['123456789123']));
    // jq -r .eventName … | grep -cE '^(Get|List|Describe|Head|Lookup)[A-Z]' → 98; grep -c '^AssumeRole$' → 5
    expect(countBy(all, (r) => r.operation)).toEqual({ READ: 98, ASSUME_ROLE: 5 });
    // jq -r '.userIdentity.arn // .userIdentity.principalId // .userIdentity.type' … | grep -c ':user/pedro$' → 87
    expect(all.filter((r) => r.user === 'arn:aws:iam::123456789123:user/pedro')).toHaveLength(87);
    // no eventTime anywhere: jq 'select(.eventTime)' … | wc -l → 0; so the timestamp is @timestamp
    const first1 = all.find((r) => r.id === 'fd4f1042-c7f6-4107-a6ee-d841d92596e7')!;
    expect(first1).toMatchObject({ timestamp: '2020-09-14T00:44:23.000Z', resource_type: 'ec2', operation: 'READ', ip_address: '1.2.3.4' });
    expect(first1.original.requestID).toBe('2db6a7b5-876c-4995-8258-e6f09d9ef934');
    db.close();
  });
});

describe('Kubernetes audit log (immudb-log-audit k8s.log)', () => {
  it('makes one record per request, not per stage', async () => {
    const { db } = vault();
    const file = path.join(REAL, 'immudb-log-audit_k8s_audit.ndjson');
    const [first, again] = await importTwice(db, file);
    // jq -r .auditID immudb-log-audit_k8s_audit.ndjson | sort -u | wc -l → 1484 (of 2971 lines)
    // jq -r '.responseStatus.code // empty' … | grep -cE '^40[13]$' → 0 (no violations)
    expect(first).toMatchObject({ ok: true, format: 'k8s', imported: 1484, duplicates: 0, conflicts: 0 });
    expect(again).toMatchObject({ imported: 0, duplicates: 1484 });
    const all = records(db);
    expect(all.every((r) => r.kind === 'log' && r.tenant === 'kubernetes')).toBe(true);
    // python3: group stages by auditID → 1373 × [RequestReceived, ResponseComplete],
    //   108 × [RequestReceived, ResponseStarted], 3 × [RequestReceived, ResponseStarted, ResponseComplete]
    expect(countBy(all, (r) => r.stages.join(','))).toEqual({
      'RequestReceived,ResponseComplete': 1373,
      'RequestReceived,ResponseStarted': 108,
      'RequestReceived,ResponseStarted,ResponseComplete': 3,
    });
    // jq -r 'select(.stage=="RequestReceived") | .verb' … | sort | uniq -c
    //   → create 53, get 895, list 118, patch 3, update 304, watch 111
    expect(countBy(all, (r) => r.operation)).toEqual({ CREATE: 53, READ: 895 + 118 + 111, UPDATE: 304 + 3 });
    // jq -r 'select(.stage=="RequestReceived") | .user.username' … | sort -u | wc -l → 18
    expect(new Set(all.map((r) => r.user)).size).toBe(18);
    // jq -r 'select(.stage=="ResponseComplete" or .stage=="ResponseStarted") | [.auditID, .responseStatus.code] | @tsv' … | sort -u
    //   | awk '{last[$1]=$2} END {for (k in last) print last[k]}' | sort | uniq -c → 500 ×7, 409 ×2 (among others)
    expect(all.filter((r) => r.response_code === 500)).toHaveLength(7);
    expect(all.filter((r) => r.response_code === 409)).toHaveLength(2);
    // the first request of the file: a GET of /api, non-resource, by admin
    expect(all.find((r) => r.id === 'd4652481-193e-42f6-9b78-f8651cab5dfe')).toMatchObject({
      user: 'admin', operation: 'READ', resource_type: 'url', resource_id: '/api', timestamp: '2023-03-10T22:38:26.382098Z', response_code: 200,
    });
    db.close();
  });
});

describe('CloudTrail CSV with Python dict cells (OTRF aws_s3_honeybucket_logs), through --map', () => {
  it('maps every row with the map file and keeps the row in full', async () => {
    const { db } = vault();
    const file = path.join(REAL, 'otrf_aws_s3_honeybucket_logs.csv');
    const options = { format: 'csv', formatOptions: { map: path.join(IMPORT, 'honeybucket-map.json') } };
    const [first, again] = await importTwice(db, file, options);
    // python3 -c "import csv; print(len(list(csv.DictReader(open('otrf_aws_s3_honeybucket_logs.csv')))))" → 301
    expect(first).toMatchObject({ ok: true, format: 'csv', imported: 301, duplicates: 0 });
    expect(again).toMatchObject({ imported: 0, duplicates: 301 });
    const all = records(db);
    // python3 csv + collections.Counter of 'Event Name' → HeadBucket 159, ListObjects 138, PutObject 4
    expect(countBy(all, (r) => r.operation)).toEqual({ READ: 159 + 138, CREATE: 4 });
    // python3 csv + ast.literal_eval(row['User ID'])['accountId'] == 'ANONYMOUS_PRINCIPAL' → 284
    expect(all.filter((r) => r.user === 'ANONYMOUS_PRINCIPAL')).toHaveLength(284);
    const row = all.find((r) => r.id === '283770f5-968d-448d-9328-0b010f4d3696')!;
    expect(row).toMatchObject({
      tenant: 'aws-honeybucket', timestamp: '2022-02-18T17:34:57Z', resource_type: 's3', resource_id: 'microsoft-devtest',
      new_data: { bucketName: 'microsoft-devtest', Host: 'microsoft-devtest.s3-eu-west-1.amazonaws.com' }, repeated_attempts: 4,
    });
    expect(row.original['Alert']).toBe(' 302-2022-02-18T17:34:57Z');
    db.close();
  });

  it('works from the command line with --map', async () => {
    const dir = tempDir();
    const vaultFile = path.join(dir, 'v.vault');
    expect((await cli(['init', vaultFile])).code).toBe(0);
    const run = await cli(['import', vaultFile, path.join(REAL, 'otrf_aws_s3_honeybucket_logs.csv'), '--format', 'csv', '--map', path.join(IMPORT, 'honeybucket-map.json'), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ ok: true, imported: 301 });
  });
});
