import type { EspSource } from '../../shared/systems';
import type { ProfileCatalogue, ResolvedProfile } from '../profiles/load-profiles';
import { EspConfigurationError, PurposeNotAllowedError } from './errors';
import { querySource, type SourceOutcome, type SourceStatus } from './fan-out';
import { applyCirVisibility, matchedCirFiles } from './link-visibility';
import { projectFields } from './projection';
import {
  assertQueryAllowed,
  type EspQuery,
  parseEspQuery,
  type QueryPart,
  type QueryType,
  queryFieldsUsed,
  queryParts,
  queryType,
} from './query';
import type { EspSearchLog } from './search-log';
import type { SearchSource, SourceHit } from './search-source';

export interface TimeBudgets {
  defaultMs: number;
  perSystemMs?: Partial<Record<EspSource, number>>;
}

export interface SearchPortalConfig {
  profiles: ProfileCatalogue;
  sources: readonly SearchSource[];
  budgets: TimeBudgets;
  /**
   * Checks of the platform's own on a query the profile allows, before any source is called (the
   * sBMS quality gate on probe templates): throws to refuse the search.
   */
  checkQuery?: (query: EspQuery) => void;
  /** Monotonic milliseconds, for budgets and elapsed times. */
  now?: () => number;
  /** Wall clock, for the log. */
  clock?: () => Date;
}

export interface EspSearchRequest {
  requester: { userId: string; authority?: string };
  /** From the token's profile claim. */
  profileId: string;
  purpose: string;
  /** Untrusted: validated here against the query schema and the profile. */
  query: unknown;
}

export interface ReplyHit {
  matchedOn: QueryPart[];
  score: number;
  record: Record<string, unknown>;
}

export interface SourceReply {
  source: EspSource;
  status: SourceStatus;
  elapsedMs: number;
  /** Absent for a flags-only profile. */
  hits?: ReplyHit[];
}

/** One reply, tagged by source, listing exactly the profile's systems in the profile's order. */
export interface EspReply {
  profileId: string;
  profilesVersion: string;
  queryType: QueryType;
  elapsedMs: number;
  results: SourceReply[];
}

export interface EspSearchResult {
  reply: EspReply;
  log: EspSearchLog;
}

export interface SearchPortal {
  search(request: EspSearchRequest): Promise<EspSearchResult>;
}

const INTERPOL: readonly EspSource[] = ['INTERPOL_SLTD', 'INTERPOL_TDAWN'];
const roundMs = (ms: number) => Math.round(ms * 10) / 10;

function indexSources(sources: readonly SearchSource[]): ReadonlyMap<EspSource, SearchSource> {
  const byName = new Map<EspSource, SearchSource>();
  for (const source of sources) {
    if (byName.has(source.name)) throw new EspConfigurationError(`two sources for ${source.name}`);
    if (INTERPOL.includes(source.name) && source.revealsQueryToRecordOwner)
      throw new EspConfigurationError(`${source.name} must not reveal queries to the record owner`);
    byName.set(source.name, source);
  }
  return byName;
}

function checkBudgets(budgets: TimeBudgets): void {
  const all = [budgets.defaultMs, ...Object.values(budgets.perSystemMs ?? {})];
  if (all.some((ms) => !(Number.isFinite(ms) && ms > 0)))
    throw new EspConfigurationError('time budgets must be positive numbers of milliseconds');
}

/** The portal applies the profile itself: a source's answer is never trusted to be filtered already. */
function toReplyHit(
  hit: SourceHit,
  source: EspSource,
  profile: ResolvedProfile,
  parts: readonly QueryPart[],
  matched: ReadonlySet<string>,
): ReplyHit {
  const raw = typeof hit?.record === 'object' && hit.record !== null ? hit.record : {};
  const fields = profile.returnFields.get(source) ?? [];
  const projected = projectFields(raw, fields);
  const record =
    source === 'CIR'
      ? applyCirVisibility(projected, raw, { profileSystems: new Set(profile.systems), fields, matched })
      : projected;
  const matchedOn = Array.isArray(hit?.matchedOn) ? parts.filter((part) => hit.matchedOn.includes(part)) : [];
  const score = typeof hit?.score === 'number' && Number.isFinite(hit.score) ? hit.score : 0;
  return { matchedOn, score, record };
}

function toSourceReply(
  source: EspSource,
  outcome: SourceOutcome,
  profile: ResolvedProfile,
  query: EspQuery,
): SourceReply {
  const base = { source, status: outcome.status, elapsedMs: roundMs(outcome.elapsedMs) };
  if (profile.reply === 'flags') return base;
  const parts = queryParts(query);
  const matched =
    source === 'CIR' ? matchedCirFiles(outcome.hits.map((hit) => hit?.record)) : new Set<string>();
  return { ...base, hits: outcome.hits.map((hit) => toReplyHit(hit, source, profile, parts, matched)) };
}

export function createSearchPortal(config: SearchPortalConfig): SearchPortal {
  const sources = indexSources(config.sources);
  checkBudgets(config.budgets);
  const now = config.now ?? (() => performance.now());
  const clock = config.clock ?? (() => new Date());
  const budgetFor = (system: EspSource) => config.budgets.perSystemMs?.[system] ?? config.budgets.defaultMs;

  return {
    async search(request) {
      const profile = config.profiles.get(request.profileId);
      if (!profile.purposes.has(request.purpose))
        throw new PurposeNotAllowedError(profile.id, request.purpose);
      const query = parseEspQuery(request.query);
      assertQueryAllowed(query, profile.queryFields, profile.id);
      config.checkQuery?.(query);

      const at = clock();
      const started = now();
      const outcomes = await Promise.all(
        profile.systems.map((system) => querySource(sources.get(system), query, budgetFor(system), now)),
      );
      const elapsedMs = roundMs(now() - started);
      const results = profile.systems.map((system, i) => toSourceReply(system, outcomes[i]!, profile, query));

      const reply: EspReply = {
        profileId: profile.id,
        profilesVersion: profile.version,
        queryType: queryType(query),
        elapsedMs,
        results,
      };
      const log: EspSearchLog = {
        event: 'esp.search',
        at: at.toISOString(),
        userId: request.requester.userId,
        ...(request.requester.authority !== undefined && { authority: request.requester.authority }),
        profileId: profile.id,
        profilesVersion: profile.version,
        purpose: request.purpose,
        queryType: reply.queryType,
        queryFields: queryFieldsUsed(query),
        systems: results.map((result, i) => ({
          source: result.source,
          status: result.status,
          resultCount: outcomes[i]!.hits.length,
          elapsedMs: result.elapsedMs,
        })),
        elapsedMs,
      };
      return { reply, log };
    },
  };
}
