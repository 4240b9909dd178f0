// Locks the vault after the configured minutes without keyboard, pointer or scroll activity.
import { useEffect } from 'react';

export function useIdleLock(minutes: number, lock: () => void): void {
  useEffect(() => {
    if (!minutes) return;
    let timer = setTimeout(lock, minutes * 60_000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset, { capture: true });
    };
  }, [minutes, lock]);
}
