// Shared by the user activity and resource history screens: counts, a timeline and the records.
import type { Activity } from '../../../shared/api/summary';
import type { TrailFilter } from '../../../shared/api/trail';
import { useApi } from '../api/use-api';
import { hrefFor } from '../app/router';
import { CountingNote } from '../common/CountingNote';
import { formatCount, formatTime } from '../common/format';
import { ErrorBox, Loading } from '../common/States';
import { ChartCard } from '../dashboard/ChartCard';
import { paramsFromView } from '../trail/trail-url';

export function ActivityView({ activity, filter, ascending, refresh }: { activity: Activity; filter: TrailFilter; ascending: boolean; refresh: () => void }) {
  const list = useApi('trail.list', { ...filter, limit: 100, dir: ascending ? 'asc' : 'desc' });
  return (
    <>
      <CountingNote counting={activity.counting} refresh={refresh} />
      <p className="subtitle">
        {formatCount(activity.total)} records · {formatTime(activity.first)} – {formatTime(activity.last)} ·{' '}
        <a href={hrefFor(['trail'], paramsFromView({ ...filter, sort: 'time', dir: 'desc' }))}>open in the trail</a>
      </p>
      <div className="charts">
        <ChartCard title="Over time" timeAxis data={activity.byDay} />
        <ChartCard title="By operation" data={activity.byOperation} />
        {activity.byResourceType.length ? <ChartCard title="By resource type" data={activity.byResourceType} layout="vertical" /> : null}
        {activity.byUser.length > 1 || !filter.user ? <ChartCard title="By user" data={activity.byUser} layout="vertical" /> : null}
      </div>
      <section className="panel" aria-label="Records">
        <h2>{ascending ? 'History, oldest first' : 'Latest records'}</h2>
        {list.state === 'loading' ? <Loading /> : null}
        {list.state === 'error' ? <ErrorBox error={list.error} onRetry={list.reload} /> : null}
        {list.state === 'ok' ? (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Operation</th>
                <th scope="col">User</th>
                <th scope="col">Resource</th>
              </tr>
            </thead>
            <tbody>
              {list.value.rows.map((r) => (
                <tr key={r.pos}>
                  <td>{formatTime(r.timestamp)}</td>
                  <td>{r.operation ?? r.kind}</td>
                  <td>{r.user ?? '—'}</td>
                  <td>
                    <a href={`#/record/${r.pos}`}>{r.resource_name ?? r.summary ?? r.id}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
