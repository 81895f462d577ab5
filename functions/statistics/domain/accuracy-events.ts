import type { LinkWrite } from '../../mid/domain/link-repository';
import type { HistoryEntry, Link } from '../../mid/domain/links';
import type { RecordRef } from '../../mid/domain/types';
import {
  type Counter,
  isAnonymousCounter,
  type LinkEvent,
  memberStateOfAuthority,
  systemPair,
  waitBucket,
} from './counters';
import { newHistory } from './events';
import type { NamingRegion } from './naming-regions';

/**
 * Accuracy from decisions (Art 37): every manual verification of a link the MID created is a labelled
 * outcome of the automatic rule (reason code) that produced it. Counted from the link writes, per
 * cohort: the day the link was created and the Member State of the authority it was first routed to,
 * so that "of the links created in a period, how many were verified, how, and how many still wait"
 * is a sum of counters. The naming region comes from the file whose check produced the link's
 * evidence (`comparedFrom`), looked up when the event is counted.
 */
export interface AccuracyEvent {
  /** The file whose nationality gives the region. */
  regionOf: RecordRef;
  counter: Omit<Counter, 'dimensions'> & {
    metric: 'midLinkOutcomes' | 'midVerificationTime';
    dimensions: Record<string, string>;
  };
}

/** The accuracy events of one atomic batch of link writes, before their regions are known. */
export function accuracyEvents(writes: readonly LinkWrite[]): AccuracyEvent[] {
  const events: AccuracyEvent[] = [];
  for (const write of writes) {
    if (write.kind === 'delete') {
      const link = write.stored;
      if (link?.colour === 'yellow') {
        const reason = latestReason(link.history, link.history.length);
        if (reason) events.push(event(link, reason, 'leftYellow'));
      }
      continue;
    }
    const { link } = write;
    for (const entry of newHistory(link, write.expectedVersion === 0)) {
      events.push(...eventsOfChange(link, entry));
    }
  }
  return events;
}

/** The counters of the events, given each event's region. */
export function accuracyCounters(
  events: readonly AccuracyEvent[],
  regions: ReadonlyMap<string, NamingRegion>,
): Counter[] {
  return events
    .map(({ regionOf, counter }) => ({
      ...counter,
      dimensions: { ...counter.dimensions, region: regions.get(refKey(regionOf)) ?? 'unknown' },
    }))
    .filter(isAnonymousCounter);
}

export const refKey = (ref: RecordRef) => `${ref.system}/${ref.recordId}`;

function eventsOfChange(link: Link, entry: HistoryEntry): AccuracyEvent[] {
  const index = link.history.indexOf(entry);
  const before = latestReason(link.history, index);
  if (entry.fromColour === null) {
    if (!entry.reason) return [];
    const created = event(link, entry.reason, 'created');
    return entry.toColour === 'yellow' ? [created, event(link, entry.reason, 'yellow')] : [created];
  }
  if (entry.by.kind === 'mid') {
    const reason = entry.reason ?? before;
    if (!reason) return [];
    const wasYellow = entry.fromColour === 'yellow';
    const isYellow = entry.toColour === 'yellow';
    if (wasYellow && isYellow && reason === before) return [];
    const out: AccuracyEvent[] = [];
    if (wasYellow && before) out.push(event(link, before, 'leftYellow'));
    if (isYellow) out.push(event(link, reason, 'yellow'));
    return out;
  }
  if (entry.event !== 'verified' || !before) return [];
  const same = entry.toColour === 'white' || entry.toColour === 'red';
  if (entry.fromColour !== 'yellow') {
    const wasSame = entry.fromColour === 'white' || entry.fromColour === 'red';
    const rectified = event(link, before, 'rectified');
    if (wasSame === same) return [rectified];
    return [rectified, event(link, before, same ? 'correctedToSame' : 'correctedToDifferent')];
  }
  const decided = event(link, before, same ? 'same' : 'different');
  const since = yellowSince(link.history, index);
  if (!since) return [decided];
  const wait: AccuracyEvent = {
    regionOf: link.evidence.comparedFrom,
    counter: {
      ...decided.counter,
      metric: 'midVerificationTime',
      dimensions: {
        reason: before,
        systems: decided.counter.dimensions.systems!,
        wait: waitBucket(Date.parse(entry.at) - Date.parse(since)),
      },
    },
  };
  return [decided, wait];
}

function event(link: Link, reason: string, name: LinkEvent): AccuracyEvent {
  return {
    regionOf: link.evidence.comparedFrom,
    counter: {
      metric: 'midLinkOutcomes',
      day: link.createdAt.slice(0, 10),
      memberState: memberStateOfAuthority(link.history[0]?.responsibleAuthority),
      dimensions: {
        reason,
        systems: systemPair(link.records[0].system, link.records[1].system),
        event: name,
      },
      increment: 1,
    },
  };
}

/** The reason code of the MID's latest classification before history entry `index`. */
function latestReason(history: readonly HistoryEntry[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const entry = history[i]!;
    if (entry.by.kind === 'mid' && entry.reason) return entry.reason;
  }
  return undefined;
}

/** When the link last entered the queue before entry `index`. */
function yellowSince(history: readonly HistoryEntry[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const entry = history[i]!;
    if (entry.toColour === 'yellow' && entry.fromColour !== 'yellow') return entry.at;
  }
  return undefined;
}
