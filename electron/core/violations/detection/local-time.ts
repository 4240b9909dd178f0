// Local wall-clock time of a UTC instant in a configured time zone, for the business-hours rule.
// Offsets change at most every quarter hour, so results are cached per 15-minute slot: a million
// records cost a few thousand Intl calls, not a million.
export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const SLOT_MS = 15 * 60_000;

export class LocalClock {
  private readonly format: Intl.DateTimeFormat | null;
  private readonly slots = new Map<number, { date: string; slotMinutes: number; weekday: number }>();

  constructor(timeZone: string) {
    this.format = timeZone === 'UTC' ? null : new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short',
    });
  }

  at(utcMs: number): LocalTime {
    const slot = Math.floor(utcMs / SLOT_MS);
    let local = this.slots.get(slot);
    if (!local) {
      local = this.resolve(slot * SLOT_MS);
      if (this.slots.size > 100_000) this.slots.clear();
      this.slots.set(slot, local);
    }
    // Within a slot the local time advances with UTC, minute for minute.
    const within = Math.floor((utcMs - slot * SLOT_MS) / 60_000);
    return { date: local.date, minutes: local.slotMinutes + within, weekday: local.weekday };
  }

  private resolve(ms: number): { date: string; slotMinutes: number; weekday: number } {
    if (!this.format) {
      const d = new Date(ms);
      return { date: d.toISOString().slice(0, 10), slotMinutes: d.getUTCHours() * 60 + d.getUTCMinutes(), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
    }
    const parts = Object.fromEntries(this.format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    return {
      date: `${parts.year}-${parts.month}-${parts.day}`,
      slotMinutes: Number(parts.hour) * 60 + Number(parts.minute),
      weekday: WEEKDAYS[parts.weekday!] ?? 1,
    };
  }
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}
