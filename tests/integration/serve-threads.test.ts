// The UI reads a large vault on two threads, as the command line does, and previews retention on a
// worker thread so that its other requests are answered meanwhile: the session keeps what a
// worker needs to open the vault again (the derived key) while it is unlocked. The report preview and
// the integrity screen's verify must give exactly what one thread gives, before and after a Verify. The built `serve` runs it
// (worker threads exist only in the built engine); AUDITDESK_PARALLEL_MIN_RECORDS sets how large
// "large" is.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from '../support/cli';
import { callUi, startServe, stopServe } from '../support/serve-process';
import { generatedVault } from '../support/generated-vault';

afterEach(stopServe);

const SCOPE = { framework: 'GDPR', from: '2000-01-01', to: '2099-12-31', tenants: [] };

/** The preview and verify answers of a serve process with the given thread threshold. */
async function previewAndVerify(vault: string, parallelFrom: string) {
  const url = await startServe(vault, { AUDITDESK_PARALLEL_MIN_RECORDS: parallelFrom });
  const preview = await callUi(url, 'reports.preview', SCOPE);
  const verified = await callUi(url, 'ledger.verify');
  await stopServe();
  expect(preview.ok, JSON.stringify(preview.error)).toBe(true);
  expect(verified.ok, JSON.stringify(verified.error)).toBe(true);
  const { generatedAt: _made, ...report } = preview.value as Record<string, unknown>;
  const { finishedAt: _finished, ...ledger } = verified.value as Record<string, unknown>;
  return { report, ledger };
}

describe('serve on two threads', () => {
  it('previews a report and verifies the vault with the same results as on one thread', async () => {
    const { vault } = await generatedVault(3000);

    const two = await previewAndVerify(vault, '1');
    const one = await previewAndVerify(vault, '100000000');
    expect((two.report.totals as { records: number }).records).toBeGreaterThan(0);
    expect((two.report.integrity as { brokenChains: unknown[] }).brokenChains).toEqual([]);
    // The first serve's Verify was recorded: the second serve's report read the verified records
    // from the report index (and says so), and came out the same.
    const integrity = (r: Record<string, unknown>) => r.integrity as { earlierVerification: unknown };
    expect(integrity(two.report).earlierVerification).toBeNull();
    expect(integrity(one.report).earlierVerification).toMatchObject({ throughPos: expect.any(Number) });
    const sameBut = (r: Record<string, unknown>) => ({ ...r, integrity: { ...integrity(r), earlierVerification: 'set apart' } });
    expect(sameBut(two.report)).toEqual(sameBut(one.report));
    expect(two.ledger).toMatchObject({ ok: true });
    expect(two.ledger).toEqual(one.ledger);
  });

  it("previews retention on a worker thread, with the command line's dry run's counts", async () => {
    const { vault } = await generatedVault(2000);
    const cli = JSON.parse((await spawnCli(['retention', vault, '--dry-run', '--json'])).stdout);
    const url = await startServe(vault);
    const preview = await callUi(url, 'retention.preview', {});
    expect(preview.ok, JSON.stringify(preview.error)).toBe(true);
    const value = preview.value as typeof cli;
    expect(value.archive.count).toBeGreaterThan(0);
    expect({ archive: value.archive.count, purge: value.purge.count, byTenant: value.purge.by_tenant })
      .toEqual({ archive: cli.archive.count, purge: cli.purge.count, byTenant: cli.purge.by_tenant });
    expect(value.archive.records.map((r: { pos: number }) => r.pos)).toEqual(cli.archive.records.slice(0, 200).map((r: { pos: number }) => r.pos));
  });
});
