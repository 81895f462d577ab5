import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: entries of the Lambda functions and the lock file are found from here. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function projectPath(...segments: string[]): string {
  return join(PROJECT_ROOT, ...segments);
}
