/**
 * Dates, numbers and sizes through Intl, with formatters cached per locale.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

const dateTime = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(`d:${locale}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

/** A clock time: "14:05" / "下午2:05". */
export function formatClock(seconds: number, locale: string): string {
  return dateTime(locale, { hour: 'numeric', minute: '2-digit' }).format(seconds * 1000);
}

/** A full date and time, for tooltips and accessible labels. */
export function formatDateTime(seconds: number, locale: string): string {
  return dateTime(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(seconds * 1000);
}

/** A day: "Today" / "Yesterday" (relative), else a weekday within a week, else the date. */
export function formatDay(seconds: number, nowSeconds: number, locale: string): string {
  const day = startOfDay(seconds);
  const today = startOfDay(nowSeconds);
  const days = Math.round((today - day) / 86_400_000);
  if (days >= 0 && days <= 1) {
    const rtf = cached(`r:${locale}:auto`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
    const text = rtf.format(-days, 'day');
    return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  }
  if (days > 1 && days < 7) return dateTime(locale, { weekday: 'long' }).format(seconds * 1000);
  const sameYear = new Date(seconds * 1000).getFullYear() === new Date(nowSeconds * 1000).getFullYear();
  return dateTime(locale, sameYear ? { month: 'long', day: 'numeric' } : { dateStyle: 'long' }).format(seconds * 1000);
}

/** A compact time for lists: the clock today, "Yesterday", a weekday this week, else a short date. */
export function formatListTime(seconds: number, nowSeconds: number, locale: string): string {
  const days = Math.round((startOfDay(nowSeconds) - startOfDay(seconds)) / 86_400_000);
  if (days <= 0) return formatClock(seconds, locale);
  if (days < 7) return formatDay(seconds, nowSeconds, locale);
  return dateTime(locale, { year: '2-digit', month: 'numeric', day: 'numeric' }).format(seconds * 1000);
}

/** "1.2 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // Plain bytes read best spelled out ("48 bytes", not "48 byte"); larger units short ("1.2 MB").
  return cached(`b:${locale}:${unit}`, () =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: unit ? 'short' : 'long', maximumFractionDigits: unit ? 1 : 0 }),
  ).format(value);
}

/** "0:42", "1:03:00". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A count for a badge: "7", "99+". */
export function formatBadge(count: number, locale: string, max = 99): string {
  return count > max ? `${cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(max)}+` : String(count);
}

function startOfDay(seconds: number): number {
  const d = new Date(seconds * 1000);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
