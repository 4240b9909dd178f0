// The unlocked app: navigation, the current screen, and the lock button.
import type { Session } from '../../../shared/api/session';
import { Suspense } from 'react';
import { Empty, Loading } from '../common/States';
import { TrailScreen } from '../trail/TrailScreen';
import {
  DashboardScreen, ImportScreen, IntegrityScreen, RecordScreen, ReportsScreen, ResourceScreen, RetentionScreen, SettingsScreen,
  UserActivityScreen, ViolationsScreen,
} from './lazy-screens';
import { useRoute } from './router';

const NAV = [
  { path: '', label: 'Dashboard' },
  { path: 'trail', label: 'Trail' },
  { path: 'integrity', label: 'Integrity' },
  { path: 'reports', label: 'Reports' },
  { path: 'import', label: 'Import' },
  { path: 'violations', label: 'Violations' },
  { path: 'retention', label: 'Retention' },
  { path: 'settings', label: 'Settings' },
];

export function Shell({ session, onLock }: { session: Session; onLock(): void }) {
  const route = useRoute();
  const [first = '', second, third] = route.segments;
  const current = first === 'record' || first === 'user' || first === 'resource' ? 'trail' : first;
  let screen;
  if (first === '') screen = <DashboardScreen />;
  else if (first === 'trail') screen = <TrailScreen route={route} vault={session.vault?.name ?? ''} />;
  else if (first === 'record' && second && Number(second) > 0) screen = <RecordScreen pos={Number(second)} />;
  else if (first === 'integrity') screen = <IntegrityScreen />;
  else if (first === 'import') screen = <ImportScreen />;
  else if (first === 'violations') screen = <ViolationsScreen route={route} />;
  else if (first === 'retention') screen = <RetentionScreen />;
  else if (first === 'reports') screen = <ReportsScreen />;
  else if (first === 'settings') screen = <SettingsScreen />;
  else if (first === 'user' && second) screen = <UserActivityScreen user={second} />;
  else if (first === 'resource' && second && third !== undefined) screen = <ResourceScreen type={second} id={third} />;
  else screen = <Empty title="There is no such page."><a href="#/">Go to the dashboard</a></Empty>;

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/">AuditDesk</a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <a href={`#/${n.path}`} aria-current={current === n.path ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="vault-name" title={session.vault?.path}>
          {session.vault?.name}
          {session.search && session.search.indexed < session.search.total ? <span className="muted"> · indexing</span> : null}
        </span>
        <button type="button" onClick={onLock} title="Lock (Ctrl+Shift+L)">
          Lock
        </button>
      </header>
      <main className="content" id="main">
        <Suspense fallback={<Loading />}>{screen}</Suspense>
      </main>
    </div>
  );
}
