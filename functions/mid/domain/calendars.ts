import { dateDigits, type PartialDate } from './comparators';

/**
 * Known conversions between calendars (Delegated Regulation 2023/333, date of birth): a date of
 * birth recorded in the Solar Hijri (Persian, used in Iran and Afghanistan) or the Islamic
 * (Umm al-Qura) calendar, as a year far below the Gregorian range, is converted to the Gregorian
 * date. Uses the ICU calendars that ship with Node (Intl), so no table is kept here.
 */
export type Calendar = 'persian' | 'islamic-umalqura';

const DAY_MS = 86_400_000;
const SEARCH_WINDOW_DAYS = 45;

/** Years that cannot be a Gregorian year of birth of a living person but are plausible in these calendars. */
export function isNonGregorianYear(year: number): boolean {
  return year >= 1280 && year <= 1500;
}

const formatters = new Map<Calendar, Intl.DateTimeFormat>();

function formatterFor(calendar: Calendar): Intl.DateTimeFormat {
  let formatter = formatters.get(calendar);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(calendar, formatter);
  }
  return formatter;
}

function inCalendar(timestamp: number, calendar: Calendar): PartialDate {
  const parts = formatterFor(calendar).formatToParts(new Date(timestamp));
  const part = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '0', 10);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function approximateGregorian(date: PartialDate, calendar: Calendar): number {
  if (calendar === 'persian') {
    return Date.UTC(date.year + 621, 2, 21) + ((date.month - 1) * 30.5 + date.day - 1) * DAY_MS;
  }
  const islamicEpoch = Date.UTC(622, 6, 16);
  return islamicEpoch + ((date.year - 1) * 354.367 + (date.month - 1) * 29.53 + date.day - 1) * DAY_MS;
}

/** The Gregorian date of a full date in `calendar`, or undefined when it is partial or out of range. */
export function toGregorian(date: PartialDate, calendar: Calendar): PartialDate | undefined {
  if (date.month === 0 || date.day === 0 || !isNonGregorianYear(date.year)) return undefined;
  const centre = approximateGregorian(date, calendar);
  const wanted = dateDigits(date);
  for (let offset = 0; offset <= SEARCH_WINDOW_DAYS; offset++) {
    for (const sign of offset === 0 ? [1] : [1, -1]) {
      const timestamp = centre + sign * offset * DAY_MS;
      if (dateDigits(inCalendar(timestamp, calendar)) !== wanted) continue;
      const gregorian = new Date(timestamp);
      return {
        year: gregorian.getUTCFullYear(),
        month: gregorian.getUTCMonth() + 1,
        day: gregorian.getUTCDate(),
      };
    }
  }
  return undefined;
}

/** Whether one date, read in a non-Gregorian calendar, is the other (Gregorian) date. */
export function isCalendarConversion(a: PartialDate, b: PartialDate): boolean {
  const calendars: Calendar[] = ['persian', 'islamic-umalqura'];
  for (const [source, target] of [
    [a, b],
    [b, a],
  ] as const) {
    if (!isNonGregorianYear(source.year) || isNonGregorianYear(target.year)) continue;
    for (const calendar of calendars) {
      const converted = toGregorian(source, calendar);
      if (converted && dateDigits(converted) === dateDigits(target)) return true;
    }
  }
  return false;
}
