/**
 * Copies only the allowed field paths (`a` or `a.b`) out of an untrusted record. A path reaches
 * into plain objects only; the value at its end is deep-copied whole, so a source cannot change a
 * reply after the fact. Values that cannot be copied (functions, class instances with internals)
 * are dropped.
 */
type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function copyValue(value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: structuredClone(value) };
  } catch {
    return { ok: false };
  }
}

export function projectFields(record: unknown, paths: readonly string[]): Plain {
  const out: Plain = {};
  for (const path of paths) {
    const segments = path.split('.');
    let value: unknown = record;
    for (const segment of segments) {
      value = isPlainObject(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
    }
    if (value === undefined) continue;
    const copy = copyValue(value);
    if (!copy.ok) continue;
    let target = out;
    for (const segment of segments.slice(0, -1)) {
      const next = isPlainObject(target[segment]) ? (target[segment] as Plain) : {};
      target[segment] = next;
      target = next;
    }
    target[segments.at(-1)!] = copy.value;
  }
  return out;
}
