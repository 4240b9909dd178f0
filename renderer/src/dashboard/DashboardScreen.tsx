// The summary dashboard: totals, operations over time and by type, user, resource and framework,
// sensitive operations and open violations. Every bar drills into the Trail.
import { useState } from 'react';
import { useApi } from '../api/use-api';
import { navigate } from '../app/router';
import { formatCount, formatTime } from '../common/format';
import { CountingNote } from '../common/CountingNote';
import { Empty, ErrorBox, Loading } from '../common/States';
import { ChartCard } from './ChartCard';

export function DashboardScreen() {
  const [tenant, setTenant] = useState('');
  const facets = useApi('facets.get', {});
  const summary = useApi('summary.get', tenant ? { tenant } : {});
  const drill = (params: Record<string, string>) => navigate(['trail'], { ...(tenant ? { tenant } : {}), ...params });
  const dayRange = (key: string) => (key.length === 7 ? { start_date: `${key}-01`, end_date: lastDayOf(key) } : { start_date: key, end_date: key });

  return (
    <section className="screen" aria-labelledby="dash-title">
      <div className="screen-head">
        <h1 id="dash-title">Dashboard</h1>
        <label className="filter">
          <span>Tenant</span>
          <select value={tenant} onChange={(e) => setTenant(e.target.value)} aria-label="Tenant">
            <option value="">All tenants</option>
            {(facets.state === 'ok' ? facets.value.tenants : []).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      {summary.state === 'loading' ? <Loading label="Summing up the vault…" /> : null}
      {summary.state === 'error' ? <ErrorBox error={summary.error} onRetry={summary.reload} /> : null}
      {summary.state === 'ok' && summary.value.total === 0 && !summary.value.counting ? (
        <Empty title="This vault holds no records yet.">
          <a href="#/import">Import audit logs</a> to see them summarised here.
        </Empty>
      ) : null}
      {summary.state === 'ok' && (summary.value.total > 0 || summary.value.counting) ? (
        <>
          <CountingNote counting={summary.value.counting} refresh={summary.refresh} />
          <div className="cards">
            <button type="button" className="card" onClick={() => drill({})}>
              <span className="card-label">Records</span>
              <span className="card-value">{formatCount(summary.value.total)}</span>
              <span className="card-note">
                {formatTime(summary.value.first)} – {formatTime(summary.value.last)}
              </span>
            </button>
            <button type="button" className="card" onClick={() => drill({ sensitive: 'yes' })}>
              <span className="card-label">Sensitive operations</span>
              <span className="card-value">{formatCount(summary.value.sensitive)}</span>
              <span className="card-note">records marked is_sensitive</span>
            </button>
            <button type="button" className="card alert" onClick={() => drill({ kind: 'violation' })}>
              <span className="card-label">Open violations</span>
              <span className="card-value">{formatCount(summary.value.openViolations)}</span>
              <span className="card-note">
                {summary.value.violationsBySeverity.map((s) => `${s.count} ${s.key.toLowerCase()}`).join(' · ') || 'none'}
              </span>
            </button>
            <button type="button" className="card" onClick={() => navigate(['integrity'])}>
              <span className="card-label">Tenants</span>
              <span className="card-value">{formatCount(summary.value.byTenant.length)}</span>
              <span className="card-note">one hash chain each · verify</span>
            </button>
          </div>
          <div className="charts">
            <ChartCard title="Operations over time" timeAxis data={summary.value.byDay} onPick={(k) => drill(dayRange(k))} />
            <ChartCard title="By operation" data={summary.value.byOperation} onPick={(k) => drill({ operation: k })} />
            <ChartCard title="Top users" data={summary.value.byUser} layout="vertical" onPick={(k) => drill({ user: k })} />
            <ChartCard title="By resource type" data={summary.value.byResourceType} layout="vertical" onPick={(k) => drill({ resource_type: k })} />
            <ChartCard title="By compliance framework" data={summary.value.byFramework} onPick={(k) => drill({ framework: k })} />
            <ChartCard title="Open violations by severity" data={summary.value.violationsBySeverity} onPick={(k) => drill({ kind: 'violation', severity: k })} />
          </div>
        </>
      ) : null}
    </section>
  );
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
