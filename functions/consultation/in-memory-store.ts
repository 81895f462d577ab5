import type { AccessRequest } from './domain/access-request';
import { awaitsDecision } from './domain/access-request';
import type { Consultation } from './domain/consultation';
import { conflict } from './domain/errors';
import type { ConsultationStore } from './domain/ports';

/** The store in memory, with the DynamoDB adapter's version conditions (unit tests, local runs of the workflow). */
export class InMemoryConsultationStore implements ConsultationStore {
  readonly consultations = new Map<string, Consultation>();
  readonly requests = new Map<string, AccessRequest>();

  async createConsultation(consultation: Consultation) {
    if (this.consultations.has(consultation.id)) throw conflict('EXISTS', 'consultation exists');
    this.consultations.set(consultation.id, structuredClone(consultation));
  }

  async getConsultation(id: string) {
    const found = this.consultations.get(id);
    return found ? structuredClone(found) : undefined;
  }

  async saveConsultation(next: Consultation, expectedVersion: number) {
    if (this.consultations.get(next.id)?.version !== expectedVersion)
      throw conflict('CONCURRENT_UPDATE', 'stale');
    this.consultations.set(next.id, structuredClone(next));
  }

  async createRequest(request: AccessRequest, consultation: Consultation, expectedVersion: number) {
    if (this.requests.has(request.id)) throw conflict('EXISTS', 'request exists');
    if (this.consultations.get(consultation.id)?.version !== expectedVersion) {
      throw conflict('CONCURRENT_UPDATE', 'stale');
    }
    this.requests.set(request.id, structuredClone(request));
    this.consultations.set(consultation.id, structuredClone(consultation));
  }

  async getRequest(id: string) {
    const found = this.requests.get(id);
    return found ? structuredClone(found) : undefined;
  }

  async saveRequest(next: AccessRequest, expectedVersion: number) {
    if (this.requests.get(next.id)?.version !== expectedVersion) throw conflict('CONCURRENT_UPDATE', 'stale');
    this.requests.set(next.id, structuredClone(next));
  }

  async listPending(memberState: string, page: { limit: number }) {
    const requests = [...this.requests.values()]
      .filter((r) => awaitsDecision(r) && r.requester.memberState === memberState)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .slice(0, page.limit)
      .map((r) => structuredClone(r));
    return { requests };
  }
}
