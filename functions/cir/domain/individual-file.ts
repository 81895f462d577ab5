import { createHash } from 'node:crypto';
import { canonicalJson } from '../../audit/domain/chain';
import type { RecordRef } from '../../mid/domain/types';
import type { TemplateRefusal } from '../../sbms/domain/quality-gate';
import type { AcceptedTemplate } from '../../sbms/domain/types';
import type { Identity, RecordBody, TravelDocument } from '../../shared/schemas/record';

export type { AcceptedTemplate, TemplateRefusal };

/** The individual file as the CIR keeps it (Art 18), with references to its templates. */
export interface IndividualFile extends RecordRef {
  version: number;
  memberState?: string;
  /** ISO 639-1, where the origin system knows the person's language. */
  language?: string;
  identity: Identity;
  travelDocuments: TravelDocument[];
  templateModalities: string[];
  templateRefusals: TemplateRefusal[];
  contentHash: string;
  createdAt: string;
  updatedAt: string;
}

export interface FileWrite {
  file: IndividualFile;
  templates: AcceptedTemplate[];
  /** Lookup keys stored as GSI attributes: identity blocking keys and travel-document keys. */
  indexKeys: string[];
}

export function contentHashOf(body: RecordBody): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function fileRef(file: RecordRef): RecordRef {
  return { system: file.system, recordId: file.recordId };
}
