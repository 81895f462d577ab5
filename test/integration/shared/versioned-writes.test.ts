import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoConsultationStore } from '../../../functions/consultation/store';
import { receiveRequest } from '../../../functions/rights/domain/request';
import { DynamoRightsStore } from '../../../functions/rights/store';
import { dataSubjectRequestBodySchema } from '../../../functions/shared/schemas/rights';
import { platformContext } from '../../support/platform-context';
import { dynamoClient } from '../../support/table-snapshot';
import { consultation, submitted } from '../../unit/consultation/fixtures';

const context = platformContext();
const client = DynamoDBDocumentClient.from(dynamoClient(context), {
  marshallOptions: { removeUndefinedValues: true },
});

/** The status and code of what `write` throws; fails the test when it throws nothing. */
async function refusal(write: Promise<void>) {
  const error = await write.then(
    () => undefined,
    (caught: unknown) => caught as { httpStatus?: number; code?: string },
  );
  expect(error, 'the stale write was stored').toBeDefined();
  return { httpStatus: error?.httpStatus, code: error?.code };
}

describe('versioned writes of the consultation and rights stores (DynamoDB Local)', () => {
  const consultations = new DynamoConsultationStore(client, context.env.CONSULTATIONS_TABLE!);
  const rights = new DynamoRightsStore(client, context.env.RIGHTS_TABLE!);

  it('stores a write at the version read, refuses a second one at the same version with 409, keeping the first', async () => {
    const opened = { ...consultation(), id: `vw-${randomUUID()}` };
    await consultations.createConsultation(opened);
    const first = { ...opened, version: 2, caseReference: 'FIRST' };
    const second = { ...opened, version: 2, caseReference: 'SECOND' };
    await consultations.saveConsultation(first, 1);
    expect(await refusal(consultations.saveConsultation(second, 1))).toEqual({
      httpStatus: 409,
      code: 'CONCURRENT_UPDATE',
    });
    expect((await consultations.getConsultation(opened.id))?.caseReference).toBe('FIRST');
  });

  it('cancels a transaction whose versioned item is stale, writing none of its items', async () => {
    const opened = { ...consultation(), id: `vw-${randomUUID()}` };
    await consultations.createConsultation(opened);
    const request = { ...submitted(), id: `vw-${randomUUID()}`, consultationId: opened.id };
    expect(await refusal(consultations.createRequest(request, { ...opened, version: 3 }, 2))).toEqual({
      httpStatus: 409,
      code: 'CONCURRENT_UPDATE',
    });
    expect(await consultations.getRequest(request.id)).toBeUndefined();
    expect((await consultations.getConsultation(opened.id))?.version).toBe(1);
  });

  it("maps the rights store's stale writes, plain and in a transaction, to its 409", async () => {
    const { request } = receiveRequest(
      dataSubjectRequestBodySchema.parse({
        type: 'access',
        language: 'en',
        lodgedWith: 'DE',
        subject: { surname: 'VERSIONED', dateOfBirth: '1980-01-01' },
        contact: { email: 'person@example.org' },
      }),
      new Date(),
    );
    await rights.createRequest(request);
    await rights.saveRequest({ ...request, version: 2, details: 'first' }, 1);
    expect(await refusal(rights.saveRequest({ ...request, version: 2, details: 'second' }, 1))).toEqual({
      httpStatus: 409,
      code: 'CONFLICT',
    });
    expect(await refusal(rights.saveAnswer({ ...request, version: 2 }, 1, []))).toEqual({
      httpStatus: 409,
      code: 'CONFLICT',
    });
    expect(await rights.getRequest(request.reference)).toMatchObject({ version: 2, details: 'first' });
  });
});
