import { describe, expect, it } from 'vitest';
import {
  IDENTITY_CHECK_REASONS,
  type IdentityCheckInput,
  type IdentityCheckPorts,
  identityCheck,
} from '../../../functions/consultation/domain/identity-check';

const identity = {
  surnames: ['HADDAD'],
  firstNames: ['LINA'],
  formerSurnames: [],
  formerFirstNames: [],
  aliases: [],
  nationalities: ['LBN'],
};
const face = { vector: [0.1, 0.2], quality: 80 };

/** A CIR with one person: found by biometrics when the face quality is ≥ 50, by identity data by surname. */
function ports(calls: string[] = []): IdentityCheckPorts {
  return {
    async searchBiometrics(biometrics) {
      calls.push('biometrics');
      if (!biometrics.face || biometrics.face.quality < 50)
        return { status: 'unusable', hits: [], refused: 1 };
      return biometrics.face.vector[0] === 0.1
        ? {
            status: 'searched',
            hits: [
              { system: 'EES', recordId: 'ees-1', score: 12 },
              { system: 'VIS', recordId: 'vis-1', score: 30 },
            ],
            refused: 0,
          }
        : { status: 'searched', hits: [], refused: 0 };
    },
    async searchIdentity(id, documents) {
      calls.push('identity');
      return id?.surnames.includes('HADDAD') || documents.some((d) => d.number === 'LB1234567')
        ? [{ system: 'ETIAS', recordId: 'etias-1' }]
        : [];
    },
    async files(refs) {
      return refs.map((ref) => ({ ...ref, identity, travelDocuments: [] }));
    },
    // the ETIAS file is joined by a white link to a Eurodac file of the same person
    async whiteGroup(refs) {
      return refs.some((ref) => ref.recordId === 'etias-1')
        ? [{ system: 'EURODAC', recordId: 'eurodac-1' }]
        : [];
    },
  };
}

const base: IdentityCheckInput = { reason: 'no-credible-document', age: 30 };

describe('Art 20 police identity checks', () => {
  it('returns the identity data of the whole white group of the hit', async () => {
    const result = await identityCheck({ ...base, identity }, ports());
    expect(result.files.map((f) => f.recordId)).toEqual(['etias-1']);
    expect(result.whiteGroup).toEqual([
      { system: 'EURODAC', recordId: 'eurodac-1', identity, travelDocuments: [] },
    ]);
    const biometric = await identityCheck({ ...base, biometrics: { face } }, ports());
    expect(biometric.whiteGroup).toEqual([]);
  });

  it.each(IDENTITY_CHECK_REASONS)(
    'searches by live biometrics first for reason %s, best hit first',
    async (reason) => {
      const calls: string[] = [];
      const result = await identityCheck({ ...base, reason, biometrics: { face } }, ports(calls));
      expect(result).toMatchObject({ reason, method: 'biometrics', hit: true });
      expect(result.files.map((f) => f.recordId)).toEqual(['vis-1', 'ees-1']);
      expect(result.files[0]!.identity.surnames).toEqual(['HADDAD']);
      expect(calls).toEqual(['biometrics']);
    },
  );

  it('falls back to identity data and the travel document when biometrics are missing', async () => {
    const result = await identityCheck(
      { ...base, travelDocuments: [{ type: 'P', number: 'LB1234567', issuingCountry: 'LBN' }] },
      ports(),
    );
    expect(result).toMatchObject({ method: 'identity-data', fallback: 'biometrics-missing', hit: true });
  });

  it('falls back when the live capture fails the quality gate', async () => {
    const calls: string[] = [];
    const result = await identityCheck(
      { ...base, biometrics: { face: { ...face, quality: 10 } }, identity },
      ports(calls),
    );
    expect(result).toMatchObject({ method: 'identity-data', fallback: 'biometrics-unusable', hit: true });
    expect(calls).toEqual(['biometrics', 'identity']);
  });

  it('falls back when the biometrics find no hit, and says no hit when nothing matches', async () => {
    const noMatch = { face: { vector: [0.9, 0.1], quality: 90 } };
    expect(await identityCheck({ ...base, biometrics: noMatch, identity }, ports())).toMatchObject({
      method: 'identity-data',
      fallback: 'no-biometric-hit',
      hit: true,
    });
    expect(await identityCheck({ ...base, biometrics: noMatch }, ports())).toMatchObject({
      method: 'biometrics',
      hit: false,
      files: [],
    });
    expect(
      await identityCheck({ ...base, identity: { ...identity, surnames: ['OTHER'] } }, ports()),
    ).toMatchObject({ method: 'identity-data', hit: false, files: [] });
  });

  it('refuses a check with nothing to search', async () => {
    await expect(identityCheck(base, ports())).rejects.toMatchObject({
      httpStatus: 422,
      code: 'NOTHING_TO_SEARCH',
    });
  });

  describe('age rule', () => {
    it('refuses a child under 12 without a best-interest justification, before any search', async () => {
      const calls: string[] = [];
      await expect(
        identityCheck({ ...base, age: 11, biometrics: { face } }, ports(calls)),
      ).rejects.toMatchObject({
        httpStatus: 403,
        code: 'CHILD_UNDER_12',
      });
      expect(calls).toEqual([]);
    });
    it('checks a child under 12 in the best interests of the child', async () => {
      const result = await identityCheck(
        {
          ...base,
          age: 6,
          bestInterestOfChild: { justification: 'unaccompanied child found at the station' },
          biometrics: { face },
        },
        ports(),
      );
      expect(result.hit).toBe(true);
    });
    it('checks a person of 12', async () => {
      expect((await identityCheck({ ...base, age: 12, identity }, ports())).hit).toBe(true);
    });
  });
});
