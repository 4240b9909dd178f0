// Saved Trail views used to live in this browser's localStorage, per vault (`auditdesk.views.<vault>`).
// They now live in the vault (the views.* routes), so a view follows the vault to the desktop app and
// other devices. Views left in localStorage from before are imported into the vault once, on the
// Trail's first load, and then removed from localStorage so they are not imported again.
import { VIEW_NAME_MAX } from '../../../shared/api/views';
import { api } from '../api/transport';

const legacyKey = (vault: string) => `auditdesk.views.${vault}`;

interface LegacyView {
  name: string;
  params: string;
}

function legacyViews(vault: string): LegacyView[] {
  try {
    const list = JSON.parse(localStorage.getItem(legacyKey(vault)) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((v): v is LegacyView => typeof v?.name === 'string' && typeof v?.params === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Saves this browser's old views into the vault, then forgets them here. A name the vault already
 * holds keeps the vault's view (never overwritten). If the vault cannot take views just now (locked,
 * an import running, unreachable), localStorage is left as it is and the next load tries again.
 */
export async function importLegacyViews(vault: string): Promise<void> {
  if (localStorage.getItem(legacyKey(vault)) === null) return;
  for (const view of legacyViews(vault)) {
    const name = view.name.trim().slice(0, VIEW_NAME_MAX);
    if (!name) continue;
    const saved = await api.call('views.save', { name, query: view.params });
    // Skipped for good: a name the vault holds already (failed), a view it cannot take (bad_request).
    if (!saved.ok && saved.error.code !== 'failed' && saved.error.code !== 'bad_request') return;
  }
  localStorage.removeItem(legacyKey(vault));
}
