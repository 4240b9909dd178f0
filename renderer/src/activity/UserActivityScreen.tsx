import { useApi } from '../api/use-api';
import { ErrorBox, Loading } from '../common/States';
import { ActivityView } from './ActivityView';

export function UserActivityScreen({ user }: { user: string }) {
  const activity = useApi('user.activity', { user });
  return (
    <section className="screen" aria-labelledby="user-title">
      <h1 id="user-title">Activity of {user}</h1>
      {activity.state === 'loading' ? <Loading /> : null}
      {activity.state === 'error' ? <ErrorBox error={activity.error} onRetry={activity.reload} /> : null}
      {activity.state === 'ok' ? <ActivityView activity={activity.value} filter={{ user }} ascending={false} refresh={activity.refresh} /> : null}
    </section>
  );
}
