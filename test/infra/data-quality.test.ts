import { describe, expect, it } from 'vitest';
import { resourcesOfType, synthesise } from './synth';

// Synthesised while vitest collects the file, not in a hook: see synthesise() in synth.ts.
const built = synthesise();

describe('data quality (Art 37)', () => {
  it('keeps the HMAC key of the document items in a retained secret encrypted with the data key', () => {
    const secrets = Object.entries(resourcesOfType(built.statefulTemplate, 'AWS::SecretsManager::Secret'));
    const [id, secret] = secrets.find(([logicalId]) => logicalId.startsWith('DataQualityKey'))!;
    expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] });
    expect(built.statefulTemplate.toJSON().Resources[id].DeletionPolicy).toBe('Retain');
  });

  it('gives the key to the CIR function only (the one that counts), resolved at deployment', () => {
    const functions = Object.entries(resourcesOfType(built.platformTemplate, 'AWS::Lambda::Function'));
    const withKey = functions.filter(([, fn]) => {
      const variables = (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)
        ?.Variables;
      return variables?.DATA_QUALITY_KEY !== undefined;
    });
    expect(withKey.map(([id]) => id.replace(/[0-9A-F]{8}$/, ''))).toEqual(['CirFunction']);
    const value = JSON.stringify(
      (withKey[0]![1].Properties.Environment as { Variables: Record<string, unknown> }).Variables
        .DATA_QUALITY_KEY,
    );
    expect(value).toContain('{{resolve:secretsmanager:');
  });
});

describe('link ids (Arts 26, 34)', () => {
  it('keeps the HMAC key of link ids in a retained secret and gives it to the MID check consumer only', () => {
    const secrets = Object.entries(resourcesOfType(built.statefulTemplate, 'AWS::SecretsManager::Secret'));
    const [id, secret] = secrets.find(([logicalId]) => logicalId.startsWith('LinkIdKey'))!;
    expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] });
    expect(built.statefulTemplate.toJSON().Resources[id].DeletionPolicy).toBe('Retain');
    const functions = Object.entries(resourcesOfType(built.platformTemplate, 'AWS::Lambda::Function'));
    const withKey = functions.filter(
      ([, fn]) =>
        (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables
          ?.LINK_ID_KEY !== undefined,
    );
    expect(withKey.map(([fnId]) => fnId.replace(/[0-9A-F]{8}$/, ''))).toEqual(['MidCheckConsumer']);
    expect(
      JSON.stringify(
        (withKey[0]![1].Properties.Environment as { Variables: Record<string, unknown> }).Variables
          .LINK_ID_KEY,
      ),
    ).toContain('{{resolve:secretsmanager:');
  });
});
