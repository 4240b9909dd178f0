// Where the collector answers and how to send it a record. Under `serve` it shares the UI's origin;
// the desktop app runs its own on loopback (port 9280 unless AUDITDESK_COLLECTOR_PORT says otherwise).
import type { SettingsOverview } from '../../../shared/api/settings';
import { CopyButton } from '../common/CopyButton';

export function CollectorHelp({ collector }: { collector: SettingsOverview['collector'] }) {
  const base = collector.desktop ? collector.url : window.location.origin;
  const endpoint = base ? `${base}/api/audit/` : null;
  const example = endpoint
    ? [
        `curl -sS ${endpoint}audit-logs/ \\`,
        `  -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \\`,
        `  -d '{"id": "inv-42-1", "tenant": "acme", "user": "zoe@acme.test", "timestamp": "${new Date().toISOString().slice(0, 19)}Z",`,
        `       "operation": "UPDATE", "resource_type": "invoice", "resource_id": "42",`,
        `       "old_data": {"amount": 1000}, "new_data": {"amount": 1200}, "changed_fields": ["amount"]}'`,
      ].join('\n')
    : '';
  return (
    <section className="panel" aria-labelledby="collector-title">
      <h2 id="collector-title">How to send records</h2>
      {endpoint ? (
        <>
          <p>
            The collector answers at <code data-testid="collector-endpoint">{endpoint}</code> <CopyButton value={endpoint} label="the collector address" />
            {collector.desktop ? <span className="muted"> while this app runs; it refuses records while the vault is locked.</span> : <span className="muted"> while this server runs.</span>}
          </p>
          <p className="hint">Send the key as <code>Authorization: Bearer KEY</code>. One record as JSON, an array, or NDJSON to <code>{endpoint}ingest</code>.</p>
          <pre className="example" aria-label="Example: send one record with curl">
            <code>{example}</code>
          </pre>
        </>
      ) : (
        <p className="bad-text" role="status">
          The collector is not listening: another program holds its port. Start the app with <code>AUDITDESK_COLLECTOR_PORT</code> set to a free port.
        </p>
      )}
      <p className="hint">The answers (201, 400 with the bad field, 401, 429, 503) are described in docs/collector.md.</p>
    </section>
  );
}
