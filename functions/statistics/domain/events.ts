import type { AuditEntryInput } from '../../audit/domain/entry';
import type { LinkWrite } from '../../mid/domain/link-repository';
import type { HistoryEntry, Link } from '../../mid/domain/links';
import {
  type Counter,
  isAnonymousCounter,
  type MetricName,
  memberStateOfAuthority,
  profileDimension,
  systemPair,
  yellowBucket,
} from './counters';

/**
 * Pure derivations: events in, counters out. Every request already leaves one audit entry naming
 * its action, result, systems, profile and Member State, so the API counters come from that entry;
 * link counters come from the link writes of the MID (creation, colour changes, yellow resolved).
 * Whatever goes in, only anonymous counters come out (`isAnonymousCounter`).
 */
export function countersFromAuditEntry(entry: AuditEntryInput): Counter[] {
  const day = entry.timestamp.slice(0, 10);
  const memberState = entry.memberState;
  const counters: Counter[] = [];
  const add = (metric: MetricName, dimensions: Record<string, string>) =>
    counters.push({ metric, day, memberState, dimensions, increment: 1 });
  const details = entry.details ?? {};
  const success = entry.resultType === 'success';

  switch (entry.action) {
    case 'espSearch': {
      add('espSearches', { profile: profileDimension(entry.profile), result: entry.resultType });
      if (!success) break;
      for (const [key, value] of Object.entries(details)) {
        const system = key.endsWith('.resultCount') ? key.slice(0, -'.resultCount'.length) : undefined;
        if (system && typeof value === 'number' && value > 0) add('hits', { system, source: 'esp' });
      }
      break;
    }
    case 'identityCheck': {
      if (!success) break;
      add('identityChecks', {
        biometrics: details.biometricsGiven === true ? 'with' : 'without',
        outcome: details.hit === true ? 'hit' : 'noHit',
      });
      for (const system of entry.systems) add('hits', { system, source: 'identityCheck' });
      break;
    }
    case 'createConsultation': {
      if (!success) break;
      const flagged =
        typeof details.flagged === 'string' && details.flagged !== 'none' ? details.flagged : '';
      add('consultations', { outcome: flagged ? 'flagged' : 'noFlag' });
      for (const system of flagged.split(',').filter(Boolean))
        add('hits', { system, source: 'consultation' });
      break;
    }
    case 'createAccessRequest':
      if (success)
        add('accessRequests', { outcome: details.urgent === true ? 'submittedUrgent' : 'submitted' });
      break;
    case 'decideAccessRequest':
      if (success)
        add('accessRequests', { outcome: details.decision === 'approve' ? 'approved' : 'refused' });
      break;
    default:
      break;
  }
  return counters.filter(isAnonymousCounter);
}

/** Counters of one atomic batch of link writes (deletions are not counted: they follow record deletions). */
export function countersFromLinkWrites(writes: readonly LinkWrite[]): Counter[] {
  const counters: Counter[] = [];
  for (const write of writes) {
    if (write.kind !== 'put') continue;
    const { link } = write;
    const systems = systemPair(link.records[0].system, link.records[1].system);
    for (const change of newHistory(link, write.expectedVersion === 0)) {
      const day = change.at.slice(0, 10);
      const memberState = memberStateOfAuthority(change.responsibleAuthority);
      if (change.fromColour === null) {
        counters.push({
          metric: 'linksCreated',
          day,
          memberState,
          dimensions: { colour: change.toColour, systems },
          increment: 1,
        });
        continue;
      }
      if (change.fromColour === change.toColour) continue;
      counters.push({
        metric: 'linksChanged',
        day,
        memberState,
        dimensions: { from: change.fromColour, to: change.toColour, systems },
        increment: 1,
      });
      const since = change.fromColour === 'yellow' ? yellowSinceBefore(link, change) : undefined;
      if (since) {
        counters.push({
          metric: 'yellowDuration',
          day,
          memberState,
          dimensions: {
            bucket: yellowBucket(Date.parse(change.at) - Date.parse(since)),
            resolvedAs: change.toColour,
          },
          increment: 1,
        });
      }
    }
  }
  return counters.filter(isAnonymousCounter);
}

/**
 * The history entries this write adds. A use case stamps all its changes with one time and sets
 * `updatedAt` to it, so they are the trailing entries at `updatedAt` (all of them for a new link).
 */
export function newHistory(link: Link, created: boolean): HistoryEntry[] {
  if (created) return [...link.history];
  const added: HistoryEntry[] = [];
  for (let i = link.history.length - 1; i >= 0 && link.history[i]!.at === link.updatedAt; i--) {
    added.unshift(link.history[i]!);
  }
  return added;
}

/** When the link last turned yellow before `change` (the start of the wait that `change` ends). */
function yellowSinceBefore(link: Link, change: HistoryEntry): string | undefined {
  const index = link.history.indexOf(change);
  for (let i = index - 1; i >= 0; i--) {
    const entry = link.history[i]!;
    if (entry.toColour === 'yellow' && entry.fromColour !== 'yellow') return entry.at;
  }
  return undefined;
}
