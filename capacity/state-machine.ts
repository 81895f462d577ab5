import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CAPACITY_DIR } from './measured-file';

export const CONSULTATION_ASL = join(
  CAPACITY_DIR,
  '..',
  'functions',
  'consultation',
  'state-machine.asl.json',
);

const stateSchema = z.looseObject({
  Type: z.string(),
  Next: z.string().optional(),
  End: z.boolean().optional(),
  Default: z.string().optional(),
  Choices: z.array(z.looseObject({ Next: z.string() })).optional(),
  Catch: z.array(z.looseObject({ Next: z.string() })).optional(),
});
const definitionSchema = z.looseObject({ StartAt: z.string(), States: z.record(z.string(), stateSchema) });
export type StateMachineDefinition = z.infer<typeof definitionSchema>;

export function readDefinition(path = CONSULTATION_ASL): StateMachineDefinition {
  return definitionSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * Every path an execution can take from StartAt to an end (following Next, Choices, Default and
 * Catch), as the list of states entered. Standard workflows bill one transition per state entered.
 */
export function executionPaths(definition: StateMachineDefinition): string[][] {
  const paths: string[][] = [];
  const walk = (name: string, path: string[]) => {
    if (path.includes(name)) throw new Error(`loop through ${name}: paths are not finite`);
    const state = definition.States[name];
    if (!state) throw new Error(`state ${name} is not defined`);
    const here = [...path, name];
    const next = [
      ...new Set([
        ...(state.Next ? [state.Next] : []),
        ...(state.Choices ?? []).map((c) => c.Next),
        ...(state.Default ? [state.Default] : []),
        ...(state.Catch ?? []).map((c) => c.Next),
      ]),
    ];
    if (next.length === 0) paths.push(here);
    for (const n of next) walk(n, here);
  };
  walk(definition.StartAt, []);
  return paths;
}
