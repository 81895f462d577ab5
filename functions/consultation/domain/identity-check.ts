import type { RecordRef } from '../../mid/domain/types';
import type { Identity, TravelDocument } from '../../shared/schemas/record';
import type { OriginSystem } from '../../shared/systems';
import { forbidden, unprocessable } from './errors';

/** The only reasons for which a police authority may query the CIR to identify a person (Art 20(1)). */
export const IDENTITY_CHECK_REASONS = [
  /** (a) unable to identify the person for lack of a travel document or other credible document. */
  'no-credible-document',
  /** (b) doubts about the identity data the person provides. */
  'doubtful-identity-data',
  /** (c) doubts about the authenticity of the travel document or other credible document. */
  'doubtful-document-authenticity',
  /** (d) doubts about the identity of the holder of the document. */
  'doubtful-document-holder',
  /** (e) the person is unable or unwilling to cooperate. */
  'unable-or-unwilling-to-cooperate',
] as const;
export type IdentityCheckReason = (typeof IDENTITY_CHECK_REASONS)[number];

/** Art 20(1): no query for a child under 12, unless in the best interests of the child. */
export const MINIMUM_AGE = 12;

export interface IdentityCheckInput {
  reason: IdentityCheckReason;
  /** Age of the person as the officer established or estimated it. */
  age: number;
  /** Given only for a child under 12: why the check is in the child's best interests. */
  bestInterestOfChild?: { justification: string };
  /** Taken live; omitted when they cannot be taken. */
  biometrics?: {
    face?: { vector: number[]; quality: number };
    fingerprints?: { vector: number[]; quality: number; position: number }[];
  };
  identity?: Identity;
  travelDocuments?: TravelDocument[];
}

export interface BiometricSearch {
  /** `unusable`: no template passed the quality gate (the capture failed). */
  status: 'searched' | 'unusable';
  hits: (RecordRef & { score: number })[];
  refused: number;
}

export interface IdentityCheckFile {
  system: OriginSystem;
  recordId: string;
  identity: Identity;
  travelDocuments: readonly TravelDocument[];
}

/** The CIR as an identity check queries it (sBMS 1:N; identity data and document search; files by reference). */
export interface IdentityCheckPorts {
  searchBiometrics(biometrics: NonNullable<IdentityCheckInput['biometrics']>): Promise<BiometricSearch>;
  searchIdentity(
    identity: Identity | undefined,
    travelDocuments: readonly TravelDocument[],
  ): Promise<RecordRef[]>;
  files(refs: readonly RecordRef[]): Promise<IdentityCheckFile[]>;
  /** The files joined to these by white links, transitively (the same person, Art 17(4)), but these. */
  whiteGroup(refs: readonly RecordRef[]): Promise<RecordRef[]>;
}

export type IdentityCheckMethod = 'biometrics' | 'identity-data';

export interface IdentityCheckResult {
  reason: IdentityCheckReason;
  method: IdentityCheckMethod;
  /** Why the identity data were used: biometrics missing, unusable (quality), or without a hit. */
  fallback?: 'biometrics-missing' | 'biometrics-unusable' | 'no-biometric-hit';
  hit: boolean;
  /** The CIR identity data of the hit: one entry per individual file (Art 20(2)). */
  files: IdentityCheckFile[];
  /** The identity data of the files white links join the hit to: the same person under those files. */
  whiteGroup: IdentityCheckFile[];
}

function hasBiometrics(input: IdentityCheckInput): boolean {
  return Boolean(
    input.biometrics && (input.biometrics.face || (input.biometrics.fingerprints ?? []).length > 0),
  );
}

function hasIdentityData(input: IdentityCheckInput): boolean {
  return Boolean(input.identity) || (input.travelDocuments ?? []).length > 0;
}

/** The age rule of Art 20(1). */
export function assertAgeAllowsCheck(input: Pick<IdentityCheckInput, 'age' | 'bestInterestOfChild'>): void {
  if (input.age < MINIMUM_AGE && !input.bestInterestOfChild?.justification.trim()) {
    throw forbidden(
      'CHILD_UNDER_12',
      `no identity check for a child under ${MINIMUM_AGE} unless in the best interests of the child (bestInterestOfChild)`,
    );
  }
}

/**
 * An Art 20 identity check: biometrics taken live first (sBMS 1:N over the CIR); the identity data
 * with the travel document data where biometrics are missing, fail the quality gate or find no
 * hit. Returns the CIR identity data of the hit.
 */
export async function identityCheck(
  input: IdentityCheckInput,
  ports: IdentityCheckPorts,
): Promise<IdentityCheckResult> {
  assertAgeAllowsCheck(input);
  if (!hasBiometrics(input) && !hasIdentityData(input)) {
    throw unprocessable('NOTHING_TO_SEARCH', 'give live biometrics, or identity data and a travel document', {
      fields: ['body.biometrics', 'body.identity', 'body.travelDocuments'],
    });
  }
  let fallback: IdentityCheckResult['fallback'] = 'biometrics-missing';
  if (hasBiometrics(input)) {
    const search = await ports.searchBiometrics(input.biometrics!);
    if (search.status === 'searched' && search.hits.length > 0) {
      const ranked = [...search.hits].sort((a, b) => b.score - a.score);
      return { reason: input.reason, method: 'biometrics', hit: true, ...(await withGroup(ranked, ports)) };
    }
    fallback = search.status === 'unusable' ? 'biometrics-unusable' : 'no-biometric-hit';
    if (!hasIdentityData(input)) {
      return { reason: input.reason, method: 'biometrics', hit: false, files: [], whiteGroup: [] };
    }
  }
  const refs = await ports.searchIdentity(input.identity, input.travelDocuments ?? []);
  const found = await withGroup(refs, ports);
  return { reason: input.reason, method: 'identity-data', fallback, hit: found.files.length > 0, ...found };
}

/** The files of the hit and of its white group (the CIR's identity data of one person). */
async function withGroup(refs: readonly RecordRef[], ports: IdentityCheckPorts) {
  if (refs.length === 0) return { files: [], whiteGroup: [] };
  const [files, group] = await Promise.all([ports.files(refs), ports.whiteGroup(refs)]);
  return { files, whiteGroup: group.length ? await ports.files(group) : [] };
}
