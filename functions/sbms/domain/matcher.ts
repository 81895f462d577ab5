import type { ScoreFusion } from './fusion';
import type { ShardClient } from './ports';
import { compareCandidates } from './shard-index';
import type { Candidate, ModalityKey, ModalityScores, Probe, SearchOptions, TemplateRecord } from './types';

/**
 * 1:N identification: every shard searched in parallel, their top lists merged. A failing shard fails the
 * search: a silently incomplete 1:N answer would read as "no match" for the records it holds.
 */
export async function identify(
  shards: readonly ShardClient[],
  probe: Probe,
  options: SearchOptions,
): Promise<Candidate[]> {
  const lists = await Promise.all(shards.map((shard) => shard.search(probe, options)));
  return mergeCandidates(lists, options.topK);
}

export function mergeCandidates(lists: readonly (readonly Candidate[])[], topK: number): Candidate[] {
  return lists.flat().sort(compareCandidates).slice(0, topK);
}

export interface Verification {
  score: number;
  decision: 'match' | 'no-match';
  perModality: ModalityScores;
  /** Modalities present in both the probe and the record; none compared means no decision basis (no-match). */
  compared: ModalityKey[];
}

/** 1:1 verification of a probe against the enrolled templates of one record. */
export function verify(
  probe: Probe,
  enrolled: TemplateRecord,
  fusion: ScoreFusion,
  threshold: number,
): Verification {
  const perModality: ModalityScores = {};
  for (const template of enrolled.templates) {
    const vector = probe[template.modality];
    if (!vector) continue;
    let dot = 0;
    for (let i = 0; i < vector.length; i++) dot += vector[i]! * template.vector[i]!;
    perModality[template.modality] = dot;
  }
  const compared = Object.keys(perModality) as ModalityKey[];
  const score = fusion.fuse(perModality);
  const decision = compared.length > 0 && score >= threshold ? 'match' : 'no-match';
  return { score, decision, perModality, compared };
}
