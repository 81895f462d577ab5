import type { CirReader } from '../mid/cir-reader';
import type { IndividualFile } from '../mid/domain/check';
import type { LinkRepository } from '../mid/domain/link-repository';
import { type Link, recordKey } from '../mid/domain/links';
import type { RecordRef } from '../mid/domain/types';
import type { RequestSubject } from '../shared/schemas/rights';
import { accessData, groupedRecords, personOf, subjectLookupKeys, subjectMatches } from './domain/person';
import type { PersonDirectory } from './domain/ports';
import type { PersonFound } from './domain/request';

/** Records notified under a SIN (the Rights table's notifications; the person learnt the SIN from one). */
export interface SinIndex {
  recordsOfSin(sin: string): Promise<RecordRef[]>;
}

/**
 * The lookup after the identity step: by SIN through the notifications that carried it, or by
 * identity data through the CIR's lookup keys (Queries on gsi1, never a Scan); then the person's
 * links from the MID. Reads only; used only once the identity was verified.
 */
export class CirMidPersonDirectory implements PersonDirectory {
  constructor(
    private readonly reader: CirReader,
    private readonly links: Pick<LinkRepository, 'listByRecord'>,
    private readonly sins: SinIndex,
  ) {}

  async find(subject: RequestSubject): Promise<PersonFound> {
    const matched = subject.singleIdentificationNumber
      ? await this.reader.files(await this.sins.recordsOfSin(subject.singleIdentificationNumber))
      : (await this.reader.files(await this.reader.candidates(subjectLookupKeys(subject)))).filter((file) =>
          subjectMatches(subject, file),
        );
    const linksOf = await this.linksOf(matched.map((file) => file.ref));
    const known = new Set(matched.map((file) => recordKey(file.ref)));
    const others = dedupe(groupedRecords([...linksOf.values()].flat())).filter(
      (ref) => !known.has(recordKey(ref)),
    );
    const linkedFiles = await this.reader.files(others);
    for (const [key, links] of await this.linksOf(linkedFiles.map((file) => file.ref)))
      linksOf.set(key, links);
    return personOf(matched, linksOf, linkedFiles);
  }

  async dataOf(person: PersonFound): Promise<unknown> {
    const files: IndividualFile[] = await this.reader.files(person.records);
    const linksOf = await this.linksOf(person.records);
    const links = new Map<string, Link>();
    for (const link of [...linksOf.values()].flat()) links.set(link.linkId, link);
    return accessData(files, [...links.values()]);
  }

  private async linksOf(refs: readonly RecordRef[]): Promise<Map<string, Link[]>> {
    const entries = await Promise.all(
      refs.map(async (ref) => [recordKey(ref), await this.links.listByRecord(ref)] as const),
    );
    return new Map(entries);
  }
}

function dedupe(refs: readonly RecordRef[]): RecordRef[] {
  return [...new Map(refs.map((ref) => [recordKey(ref), ref])).values()];
}
