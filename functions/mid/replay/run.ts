import { type Configs, emptyTally, mergeTallies, type ReplayTally } from './replay';
import { type ReplayTables, replaySegment } from './segment';

/**
 * A whole replay in one process: every Scan segment in turn, merged. The AWS job runs the same
 * segments as the children of a Distributed Map (functions/mid/replay/job.ts).
 */
export async function runReplay(
  tables: ReplayTables,
  options: { since?: string; sampleFiles: number; totalSegments: number },
  configs: Configs,
  progress: (segment: number, links: number) => void = () => {},
): Promise<ReplayTally> {
  const tally = emptyTally();
  for (const input of segmentInputs(options)) {
    const part = await replaySegment(tables, input, configs);
    progress(input.segment, part.links);
    mergeTallies(tally, part);
  }
  return tally;
}

/** The inputs of the segments: the sample is shared out between them. */
export function segmentInputs(options: { since?: string; sampleFiles: number; totalSegments: number }) {
  const perSegment = Math.ceil(options.sampleFiles / options.totalSegments);
  return Array.from({ length: options.totalSegments }, (_, segment) => ({
    segment,
    totalSegments: options.totalSegments,
    since: options.since,
    sampleFiles: Math.min(perSegment, Math.max(0, options.sampleFiles - segment * perSegment)),
  }));
}
