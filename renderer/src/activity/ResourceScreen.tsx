import { useApi } from '../api/use-api';
import { ErrorBox, Loading } from '../common/States';
import { ActivityView } from './ActivityView';

export function ResourceScreen({ type, id }: { type: string; id: string }) {
  const activity = useApi('resource.activity', { resource_type: type, resource_id: id });
  return (
    <section className="screen" aria-labelledby="resource-title">
      <h1 id="resource-title">
        {type} / {id}
      </h1>
      {activity.state === 'ok' && activity.value.names.length ? <p className="subtitle">Known as: {activity.value.names.join(' · ')}</p> : null}
      {activity.state === 'loading' ? <Loading /> : null}
      {activity.state === 'error' ? <ErrorBox error={activity.error} onRetry={activity.reload} /> : null}
      {activity.state === 'ok' ? <ActivityView activity={activity.value} filter={{ resource_type: type, resource_id: id }} ascending refresh={activity.refresh} /> : null}
    </section>
  );
}
