import type { HttpClient } from './client';
import type {
  AccessRequestBody,
  AccessRequestView,
  AuditPage,
  AuditQuery,
  AuditVerification,
  ConfirmationFile,
  ConsultationBody,
  DecisionBody,
  EspProfileView,
  EspReply,
  EspSearchBody,
  FlagReply,
  GrantedData,
  IdentityCheckBody,
  IdentityCheckReply,
  MidAccuracyReply,
  QueuePage,
  RightsQueuePage,
  StatisticsQuery,
  StatisticsReply,
  VerificationBody,
} from './types';

/** One function per API call the app makes, typed end to end. */
export function endpoints(http: HttpClient) {
  return {
    espProfile: () => http.request<EspProfileView>('GET', '/v1/esp/profile'),
    espSearch: (body: EspSearchBody) => http.request<EspReply>('POST', '/v1/esp/search', { body }),
    listLinks: (cursor?: string) =>
      http.request<QueuePage>('GET', '/v1/mid/links', { query: { colour: 'yellow', limit: 50, cursor } }),
    listDataSubjectRequests: (cursor?: string) =>
      http.request<RightsQueuePage>('GET', '/v1/data-subject-requests', { query: { limit: 50, cursor } }),
    getLink: (linkId: string) =>
      http.request<ConfirmationFile>('GET', `/v1/mid/links/${encodeURIComponent(linkId)}`),
    verifyLink: (linkId: string, body: VerificationBody) =>
      http.request<ConfirmationFile>('POST', `/v1/mid/links/${encodeURIComponent(linkId)}/verification`, {
        body,
      }),
    listAudit: (query: AuditQuery) => http.request<AuditPage>('GET', '/v1/audit', { query }),
    identityCheck: (body: IdentityCheckBody) =>
      http.request<IdentityCheckReply>('POST', '/v1/cir/identity-checks', { body }),
    createConsultation: (body: ConsultationBody) =>
      http.request<FlagReply>('POST', '/v1/consultations', { body }),
    requestAccess: (consultationId: string, body: AccessRequestBody) =>
      http.request<AccessRequestView>(
        'POST',
        `/v1/consultations/${encodeURIComponent(consultationId)}/access-requests`,
        {
          body,
        },
      ),
    getAccessRequest: (requestId: string) =>
      http.request<AccessRequestView>('GET', `/v1/access-requests/${encodeURIComponent(requestId)}`),
    pendingAccessRequests: () =>
      http.request<{ requests: AccessRequestView[]; cursor?: string }>('GET', '/v1/access-requests', {
        query: { status: 'pending' },
      }),
    decide: (requestId: string, body: DecisionBody) =>
      http.request<AccessRequestView>(
        'POST',
        `/v1/access-requests/${encodeURIComponent(requestId)}/decision`,
        { body },
      ),
    grantedData: (requestId: string) =>
      http.request<GrantedData>('GET', `/v1/access-requests/${encodeURIComponent(requestId)}/data`),
    verifyAudit: () => http.request<AuditVerification>('GET', '/v1/audit/verification'),
    statistics: (query: StatisticsQuery) => http.request<StatisticsReply>('GET', '/v1/statistics', { query }),
    midAccuracy: (query: StatisticsQuery) =>
      http.request<MidAccuracyReply>('GET', '/v1/statistics/mid-accuracy', { query }),
    /** The same figures as CSV text (the export needs the bearer token, so no plain link). */
    statisticsCsv: (query: StatisticsQuery) =>
      http.request<string>('GET', '/v1/statistics.csv', { query, responseType: 'text' }),
  };
}

export type Api = ReturnType<typeof endpoints>;
