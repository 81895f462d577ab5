/** `3 d 4 h`, `2 h 5 min`, `40 s`: how long a link has waited. */
export function formatAge(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min`;
  return `${seconds} s`;
}

export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

/** Comma- or semicolon-separated input to a list, empty parts dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export const humanise = (value: string) => value.replace(/[_-]/g, ' ');

/** `formerSurnames` -> `former surnames`, `recordId` -> `record id`. */
export const fieldLabel = (key: string) => humanise(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
