import type { EspSource } from '../../shared/systems';
import { EspConfigurationError, UnknownProfileError } from '../domain/errors';
import { type Profile, profileFileSchema } from './profile-schema';
import profilesJson from './profiles.json';

/** A profile ready for the portal: lookups as sets, systems in the order the file lists them. */
export interface ResolvedProfile {
  id: string;
  version: string;
  reply: Profile['reply'];
  purposes: ReadonlySet<string>;
  queryFields: ReadonlySet<string>;
  systems: readonly EspSource[];
  returnFields: ReadonlyMap<EspSource, readonly string[]>;
}

export interface ProfileCatalogue {
  version: string;
  ids: readonly string[];
  get(profileId: string): ResolvedProfile;
}

function resolve(profile: Profile, version: string): ResolvedProfile {
  const entries = Object.entries(profile.systems) as [EspSource, { fields: string[] }][];
  return {
    id: profile.id,
    version,
    reply: profile.reply,
    purposes: new Set(profile.purposes),
    queryFields: new Set(profile.queryFields),
    systems: entries.map(([system]) => system),
    returnFields: new Map(entries.map(([system, access]) => [system, access.fields])),
  };
}

/** Validates a profile file (fails fast at start-up with every problem listed). */
export function loadProfiles(raw: unknown): ProfileCatalogue {
  const parsed = profileFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EspConfigurationError(`invalid ESP profiles: ${problems.join('; ')}`);
  }
  const { version, profiles } = parsed.data;
  const byId = new Map(profiles.map((profile) => [profile.id, resolve(profile, version)]));
  return {
    version,
    ids: [...byId.keys()],
    get(profileId) {
      const profile = byId.get(profileId);
      if (!profile) throw new UnknownProfileError(profileId);
      return profile;
    },
  };
}

/** The reviewed profiles shipped with the platform (profiles.json). */
export function defaultProfiles(): ProfileCatalogue {
  return loadProfiles(profilesJson);
}

/** The systems of a shipped profile by its id; none for an unknown id (callers decide what that means). */
export type ProfileSystems = (profileId: string) => readonly EspSource[];

let shippedSystems: ProfileSystems | undefined;
export function shippedProfileSystems(): ProfileSystems {
  if (!shippedSystems) {
    const catalogue = defaultProfiles();
    const byId = new Map(catalogue.ids.map((id) => [id, catalogue.get(id).systems]));
    shippedSystems = (id) => byId.get(id) ?? [];
  }
  return shippedSystems;
}
