/** Parses `--key value` and `--flag` pairs into a plain record; a bare flag becomes "true". */
export function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('--')) continue;
    const eq = token.indexOf('=');
    if (eq > 0) {
      out[token.slice(2, eq)] = token.slice(eq + 1);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[token.slice(2)] = next;
      i++;
    } else out[token.slice(2)] = 'true';
  }
  return out;
}

export function numberArg(args: Record<string, string>, key: string, fallback: number): number {
  const raw = args[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`--${key} must be a number, got "${raw}"`);
  return value;
}

/** Progress lines for long runs go to stderr so that stdout keeps only the result. */
export function progress(message: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}
