// Named Trail views, kept on this device (localStorage) per vault: a view is just its URL parameters.
export interface SavedView {
  name: string;
  params: string;
}

const keyFor = (vault: string) => `auditdesk.views.${vault}`;

export function loadViews(vault: string): SavedView[] {
  try {
    const list = JSON.parse(localStorage.getItem(keyFor(vault)) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((v): v is SavedView => typeof v?.name === 'string' && typeof v?.params === 'string') : [];
  } catch {
    return [];
  }
}

export function saveView(vault: string, view: SavedView): SavedView[] {
  const views = [...loadViews(vault).filter((v) => v.name !== view.name), view].sort((a, b) => a.name.localeCompare(b.name));
  localStorage.setItem(keyFor(vault), JSON.stringify(views));
  return views;
}

export function deleteView(vault: string, name: string): SavedView[] {
  const views = loadViews(vault).filter((v) => v.name !== name);
  localStorage.setItem(keyFor(vault), JSON.stringify(views));
  return views;
}
