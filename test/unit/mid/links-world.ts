import type { CheckPorts, IndividualFile } from '../../../functions/mid/domain/check';
import { checkRecord, removeRecord } from '../../../functions/mid/domain/check';
import { InMemoryLinkRepository } from '../../../functions/mid/domain/in-memory-link-repository';
import { recordKey } from '../../../functions/mid/domain/links';
import type {
  CategoryOutcome,
  IdentityCategory,
  IdentityComparison,
  RecordRef,
} from '../../../functions/mid/domain/types';
import type { LinkActor } from '../../../functions/mid/domain/visibility';
import type { OriginSystem } from '../../../functions/shared/systems';

export function ref(system: OriginSystem, recordId: string): RecordRef {
  return { system, recordId };
}

export function comparison(verdict: IdentityComparison['verdict']): IdentityComparison {
  const outcome: CategoryOutcome = verdict;
  const categories: Record<IdentityCategory, CategoryOutcome> = {
    names: outcome,
    dateOfBirth: outcome,
    sex: verdict === 'different' ? 'different' : 'same',
    nationalityAndPlaceOfBirth: 'missing',
  };
  return {
    score: verdict === 'different' ? -5 : 20,
    candidate: verdict !== 'different',
    verdict,
    categories,
    evidence: [{ category: 'names', fields: 'surnames[0]~surnames[0]', outcome, rule: 'exact', weight: 5 }],
  };
}

export function verifier(authority: string, systems: readonly string[] = []): LinkActor {
  return { userId: `user-of-${authority}`, authority, roles: ['link-verifier'], systems };
}

type Pair = `${string}|${string}`;

function pair(a: RecordRef, b: RecordRef): Pair {
  return [recordKey(a), recordKey(b)].sort().join('|') as Pair;
}

export interface Relation {
  identity?: IdentityComparison['verdict'];
  biometrics?: boolean;
  document?: boolean;
}

/**
 * A fake CIR + sBMS: files, and what comparing any two of them yields. The identity comparator
 * finds the files back by their surname, which the world sets to the record key.
 */
export class World {
  readonly links = new InMemoryLinkRepository();
  private readonly files = new Map<string, IndividualFile>();
  private readonly relations = new Map<Pair, Relation>();
  private time = Date.parse('2026-01-01T00:00:00.000Z');

  add(
    reference: RecordRef,
    options: { memberState?: string; hasBiometrics?: boolean; documents?: boolean } = {},
  ): IndividualFile {
    const file: IndividualFile = {
      ref: reference,
      memberState: options.memberState ?? 'FR',
      identity: {
        surnames: [recordKey(reference)],
        firstNames: [],
        formerSurnames: [],
        formerFirstNames: [],
        aliases: [],
        nationalities: [],
      },
      travelDocuments:
        options.documents === false
          ? []
          : [{ type: 'P', number: `N${reference.recordId}`, issuingCountry: 'UKR' }],
      hasBiometrics: options.hasBiometrics ?? reference.system !== 'ETIAS',
    };
    this.files.set(recordKey(reference), file);
    return file;
  }

  relate(a: RecordRef, b: RecordRef, relation: Relation): void {
    this.relations.set(pair(a, b), relation);
  }

  forget(reference: RecordRef): void {
    this.files.delete(recordKey(reference));
  }

  /** Advances the clock, so that every operation happens at its own time. */
  tick(seconds = 1): void {
    this.time += seconds * 1000;
  }

  now(): Date {
    return new Date(this.time);
  }

  check(reference: RecordRef) {
    const file = this.files.get(recordKey(reference));
    if (!file) throw new Error(`no file ${recordKey(reference)}`);
    return checkRecord(file, this.ports());
  }

  remove(reference: RecordRef) {
    this.forget(reference);
    return removeRecord(reference, { links: this.links, now: () => this.now() });
  }

  ports(): CheckPorts {
    const others = (file: IndividualFile, matches: (relation: Relation) => boolean) =>
      [...this.files.values()].filter(
        (other) =>
          recordKey(other.ref) !== recordKey(file.ref) && matches(this.relation(file.ref, other.ref)),
      );
    return {
      links: this.links,
      now: () => this.now(),
      findBiometricCandidates: async (file) =>
        others(file, (relation) => relation.biometrics === true)
          .filter((other) => file.hasBiometrics && other.hasBiometrics)
          .map((other) => ({
            file: other,
            outcome: { kind: 'same', score: 0.97 },
          })),
      findIdentityCandidates: async (file) =>
        others(file, (relation) => (relation.identity ?? 'different') !== 'different'),
      findDocumentCandidates: async (file) =>
        others(file, (relation) => relation.document === true).map((other) => ({
          file: other,
          outcome: 'same',
        })),
      loadFile: async (reference) => this.files.get(recordKey(reference)),
      compareIdentities: (a, b) => {
        const [keyA, keyB] = [a.surnames[0] ?? '', b.surnames[0] ?? ''];
        const relation = this.relations.get([keyA, keyB].sort().join('|') as Pair) ?? {};
        return comparison(relation.identity ?? 'different');
      },
    };
  }

  private relation(a: RecordRef, b: RecordRef): Relation {
    return this.relations.get(pair(a, b)) ?? {};
  }
}
