// The report's numbers before signing, read from its JSON form: the same numbers the PDF, CSV and
// JSON files carry. Counts are complete; lists show their first rows.
import type { ComplianceReport } from '../../../shared/reports/report-model';
import { formatCount } from '../common/format';

interface Row { key: string; count: number }

function CountTable({ title, rows, keyLabel = 'Value', heading = true }: { title: string; rows: readonly Row[]; keyLabel?: string; heading?: boolean }) {
  return (
    <div className="report-block">
      {heading ? <h3>{title}</h3> : null}
      {rows.length === 0 ? <p className="muted">None in this period.</p> : (
        <table className="data" aria-label={title}>
          <thead><tr><th scope="col">{keyLabel}</th><th scope="col" className="num">Count</th></tr></thead>
          <tbody>
            {rows.slice(0, 10).map((r) => (
              <tr key={r.key}><th scope="row">{r.key}</th><td className="num">{formatCount(r.count)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Key figures of an object of counts (numbers only; nested lists are shown elsewhere). */
function Figures({ title, figures }: { title: string; figures: Record<string, unknown> }) {
  const entries = Object.entries(figures).filter(([, v]) => typeof v === 'number') as Array<[string, number]>;
  return <CountTable title={title} keyLabel="Figure" rows={entries.map(([key, count]) => ({ key: label(key), count }))} />;
}

function label(camel: string): string {
  const words = camel.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The period's end is exclusive (midnight after the last day): show the last day included. */
function lastDay(toIso: string): string {
  return new Date(Date.parse(toIso) - 1).toISOString().slice(0, 10);
}

/** How the records' contents were checked (docs/reports.md, "A verified vault"). */
function contentsCheck(earlier: ComplianceReport['integrity']['earlierVerification']): string {
  if (!earlier) return 'every record re-hashed for this report';
  return `re-hashed by the verification of ${earlier.verifiedAt} up to vault position ${formatCount(earlier.throughPos)}; `
    + 'later records re-hashed for this report';
}

export function ReportPreview({ report }: { report: ComplianceReport }) {
  const cp = report.integrity.checkpoint;
  const broken = report.integrity.brokenChains.length;
  return (
    <section className="panel report-preview" aria-label="Report preview">
      <h2>
        {report.framework} · {report.period.from.slice(0, 10)} to {lastDay(report.period.to)} · {report.tenants.join(', ')}
      </h2>
      <div className="cards">
        <div className="card"><span className="card-label">Operations</span><span className="card-value" data-testid="preview-total">{formatCount(report.totals.records)}</span></div>
        <div className="card"><span className="card-label">Sensitive operations</span><span className="card-value">{formatCount(report.sensitiveOperations.total)}</span></div>
        <div className={`card${report.violations.total > 0 ? ' alert' : ''}`}><span className="card-label">Violations</span><span className="card-value">{formatCount(report.violations.total)}</span></div>
        <div className={`card${broken > 0 ? ' alert' : ''}`}>
          <span className="card-label">Chains verified</span>
          <span className="card-value">{formatCount(report.integrity.chainsVerified)}</span>
          <span className="card-note">{broken > 0 ? `${broken} broken` : 'none broken'}</span>
        </div>
      </div>
      <div className="report-grid">
        <Figures title="Totals" figures={report.totals} />
        <CountTable title="By operation" rows={report.byOperation} keyLabel="Operation" />
        <CountTable title="By user" rows={report.byUser} keyLabel="User" />
        <CountTable title="By resource type" rows={report.byResourceType} keyLabel="Resource type" />
        <CountTable title="Sensitive operations by classification" rows={report.sensitiveOperations.byClassification} keyLabel="Classification" />
        <CountTable title="Frameworks present" rows={report.frameworksPresent} keyLabel="Framework" />
        <Figures title="Violations" figures={report.violations} />
        <Figures title="Exports made" figures={report.exports} />
        <Figures title="Queries on sensitive data" figures={report.sensitiveQueries} />
        <Figures title="Outside business hours" figures={report.outsideBusinessHours} />
        <Figures title="Retention" figures={report.retention} />
        <div className="report-block wide">
          <h3>Integrity</h3>
          <dl className="fields">
            <div className="field"><dt>records verified</dt><dd>{formatCount(report.integrity.recordsVerified)}</dd></div>
            <div className="field"><dt>contents</dt><dd>{contentsCheck(report.integrity.earlierVerification)}</dd></div>
            <div className="field"><dt>checkpoint</dt><dd>{cp ? <code>{cp.origin} · size {formatCount(cp.size)} · {cp.rootHash}</code> : 'none signed yet'}</dd></div>
            <div className="field"><dt>evidence digest</dt><dd><code>{report.evidence.digest}</code></dd></div>
          </dl>
        </div>
      </div>
      <h3>Controls ({report.framework})</h3>
      <div className="report-grid">
        {report.controls.map((c) => (
          <div key={c.controlId} className="report-block">
            <h4>{c.controlId}: {c.title}</h4>
            <p className="muted">{c.whatItEvidences}</p>
            <CountTable title={`${c.controlId} evidence`} rows={c.counts} keyLabel="Activity" heading={false} />
          </div>
        ))}
      </div>
    </section>
  );
}
