// Any answer saying "locked" (the idle lock in another tab, a menu lock) sends the whole UI back to the
// unlock screen: the App listens here.
const listeners = new Set<() => void>();

export function reportLocked(): void {
  for (const listener of listeners) listener();
}

export function onLocked(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
