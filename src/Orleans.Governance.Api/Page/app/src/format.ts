// How numbers, dates and periods are shown.
import { locale, type Lang } from './i18n';
import { levels, type Level, type TrendDay } from './model';

export function count(lang: Lang, value: number): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(value);
}

/** One decimal, as the tree shows satisfaction (1–5) and days; a dash before there is any. */
export function decimal(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

export function percent(lang: Lang, share: number): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A point in time as a date in China Standard Time, the calendar the centres and the API count days by. */
export function chinaDate(lang: Lang, instant: string): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export function clockTime(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(at);
}

export type Grain = 'day' | 'week';

/** Arrivals and cases resolved per level over one day or one week (from its Monday). */
export interface Period {
  start: string;
  arrivals: number;
  resolved: Record<Level, number>;
}

export function periods(days: readonly TrendDay[], grain: Grain): Period[] {
  const byStart = new Map<string, Period>();
  for (const day of days) {
    const start = grain === 'day' ? day.date : mondayOf(day.date);
    let period = byStart.get(start);
    if (period === undefined) {
      period = { start, arrivals: 0, resolved: { grid: 0, village: 0, township: 0, county: 0, city: 0 } };
      byStart.set(start, period);
    }

    period.arrivals += day.arrivals;
    for (const level of levels) {
      period.resolved[level] += day.resolvedByLevel[level] ?? 0;
    }
  }

  return [...byStart.values()].sort((a, b) => a.start.localeCompare(b.start));
}

/** The Monday of a yyyy-MM-dd date's week, computed on the calendar alone (no time zone involved). */
function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}
