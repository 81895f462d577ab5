import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { EspSource } from '../../shared/systems';
import type { EspQuery, QueryPart } from './query';
import type { SourceHit } from './search-source';
import { parseSourceRecord } from './source-records';

/**
 * The messages the ESP exchanges with a central system's UMF endpoint (Art 38 of Regulations
 * 2019/817 and 2019/818: the Universal Message Format). The entities are named as UMF names them:
 * `Person` (FamilyName, GivenName, DateOfBirth, Gender, Nationality, PlaceOfBirth), `TravelDocument`
 * (DocumentNumber, DocumentType, IssuingCountry, ExpiryDate) and `Biometrics` (FacialImage,
 * Fingerprint with FingerPosition), in JSON. What a system holds beyond those entities (an SIS
 * alert's category, an EES file's movements) travels as `SystemData`, in the platform's field names,
 * and is checked against that system's record shape (source-records.ts) like everything else.
 */
export const UMF_VERSION = '3.0';

const UMF_PART: Record<QueryPart, 'Person' | 'TravelDocument' | 'Biometrics'> = {
  identity: 'Person',
  travelDocument: 'TravelDocument',
  biometrics: 'Biometrics',
};

const umfPerson = z.strictObject({
  FamilyName: z.array(z.string()).default([]),
  GivenName: z.array(z.string()).default([]),
  FamilyNameAtBirth: z.string().optional(),
  FormerFamilyName: z.array(z.string()).default([]),
  FormerGivenName: z.array(z.string()).default([]),
  DateOfBirth: z.string().optional(),
  PlaceOfBirth: z.string().optional(),
  Nationality: z.array(z.string()).default([]),
  Gender: z.string().optional(),
});
const umfTravelDocument = z.strictObject({
  DocumentNumber: z.string(),
  DocumentType: z.string().optional(),
  IssuingCountry: z.string().optional(),
  ExpiryDate: z.string().optional(),
});
const umfRecord = z.strictObject({
  RecordId: z.string(),
  MatchedOn: z.array(z.enum(['Person', 'TravelDocument', 'Biometrics'])).min(1),
  Score: z.number().min(0).max(1),
  Person: umfPerson.optional(),
  TravelDocument: z.array(umfTravelDocument).optional(),
  SystemData: z.record(z.string(), z.unknown()).default({}),
});
const umfSearchResponse = z.strictObject({
  UMF: z.strictObject({
    Version: z.literal(UMF_VERSION),
    MessageType: z.literal('SearchResponse'),
    MessageId: z.string(),
    InReplyTo: z.string(),
    Result: z.enum(['Hit', 'NoHit']),
    Records: z.array(umfRecord).max(1000).default([]),
  }),
});

export type UmfSearchResponse = z.input<typeof umfSearchResponse>;
export type UmfRecord = z.input<typeof umfRecord>;
export const UMF_ENTITY_OF = UMF_PART;

/** A reply the ESP cannot use: the source is then reported `unavailable`, the search goes on. */
export class MalformedUmfReply extends Error {}

/** The UMF search request for `system`, with a new message id. */
export function umfSearchRequest(system: EspSource, query: EspQuery, messageId: string = randomUUID()) {
  const { identity, travelDocument, biometrics } = query;
  return {
    UMF: {
      Version: UMF_VERSION,
      MessageType: 'SearchRequest',
      MessageId: messageId,
      Recipient: system,
      Query: {
        ...(identity && {
          Person: {
            FamilyName: identity.surnames,
            ...(identity.firstNames && { GivenName: identity.firstNames }),
            ...(identity.dateOfBirth && { DateOfBirth: identity.dateOfBirth }),
            ...(identity.sex && { Gender: identity.sex }),
            ...(identity.nationalities && { Nationality: identity.nationalities }),
            ...(identity.placeOfBirth && { PlaceOfBirth: identity.placeOfBirth }),
          },
        }),
        ...(travelDocument && {
          TravelDocument: {
            DocumentNumber: travelDocument.number,
            ...(travelDocument.issuingCountry && { IssuingCountry: travelDocument.issuingCountry }),
            ...(travelDocument.type && { DocumentType: travelDocument.type }),
          },
        }),
        ...(biometrics && {
          Biometrics: {
            ...(biometrics.face && {
              FacialImage: { Template: biometrics.face.vector, Quality: biometrics.face.quality },
            }),
            ...(biometrics.fingerprints && {
              Fingerprint: biometrics.fingerprints.map((finger) => ({
                FingerPosition: finger.position,
                Template: finger.vector,
                Quality: finger.quality,
              })),
            }),
          },
        }),
      },
    },
  };
}

/**
 * The hits of a central system's UMF reply to the request `messageId`, each record in the
 * system's own record shape. Throws MalformedUmfReply for anything else: not UMF, a reply to
 * another request, a hit result without records (or records under NoHit), a record that is not a
 * valid record of that system.
 */
export function parseUmfSearchReply(system: EspSource, messageId: string, body: unknown): SourceHit[] {
  const parsed = umfSearchResponse.safeParse(body);
  if (!parsed.success)
    throw new MalformedUmfReply(`${system}: not a UMF search response (${parsed.error.message})`);
  const reply = parsed.data.UMF;
  if (reply.InReplyTo !== messageId) throw new MalformedUmfReply(`${system}: a reply to another request`);
  if ((reply.Result === 'Hit') !== reply.Records.length > 0)
    throw new MalformedUmfReply(`${system}: result ${reply.Result} with ${reply.Records.length} records`);
  return reply.Records.map((record) => {
    let parsedRecord: Record<string, unknown>;
    try {
      parsedRecord = parseSourceRecord(system, platformRecord(record)) as Record<string, unknown>;
    } catch (error) {
      throw new MalformedUmfReply(
        `${system}: record ${record.RecordId} is not a valid ${system} record (${error})`,
      );
    }
    const { biometrics: _never, ...returned } = parsedRecord;
    return {
      record: returned,
      matchedOn: (Object.keys(UMF_PART) as QueryPart[]).filter((part) =>
        record.MatchedOn.includes(UMF_PART[part]),
      ),
      score: record.Score,
    };
  });
}

/** A UMF record in the platform's field names (before validation against the system's shape). */
function platformRecord(record: z.output<typeof umfRecord>): Record<string, unknown> {
  const { Person: person, TravelDocument: documents } = record;
  return {
    ...record.SystemData,
    recordId: record.RecordId,
    ...(person && {
      identity: {
        surnames: person.FamilyName,
        firstNames: person.GivenName,
        ...(person.FamilyNameAtBirth && { surnameAtBirth: person.FamilyNameAtBirth }),
        formerSurnames: person.FormerFamilyName,
        formerFirstNames: person.FormerGivenName,
        ...(person.DateOfBirth && { dateOfBirth: person.DateOfBirth }),
        ...(person.PlaceOfBirth && { placeOfBirth: person.PlaceOfBirth }),
        nationalities: person.Nationality,
        ...(person.Gender && { sex: person.Gender }),
      },
    }),
    ...(documents && {
      travelDocuments: documents.map((document) => ({
        number: document.DocumentNumber,
        ...(document.DocumentType && { type: document.DocumentType }),
        ...(document.IssuingCountry && { issuingCountry: document.IssuingCountry }),
        ...(document.ExpiryDate && { expiry: document.ExpiryDate }),
      })),
    }),
  };
}
