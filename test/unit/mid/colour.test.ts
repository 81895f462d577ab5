import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { automaticColour, type ColourInput } from '../../../functions/mid/domain/colour';
import { InvalidInput } from '../../../functions/mid/domain/errors';
import type { BiometricOutcome, DocumentOutcome } from '../../../functions/mid/domain/types';

const same: BiometricOutcome = { kind: 'same', score: 0.96 };
const different: BiometricOutcome = { kind: 'different', score: 0.2 };
const absent: BiometricOutcome = { kind: 'absent' };

type Row = [string, ColourInput, string, string];

describe('Art 33(1) and Art 30 automatic colour', () => {
  it.each<Row>([
    [
      '(a) same biometrics, same identity',
      input(same, 'same', 'different'),
      'white',
      'art33-1a-biometrics-and-identity',
    ],
    [
      '(a) same biometrics, similar identity',
      input(same, 'similar', 'absent'),
      'white',
      'art33-1a-biometrics-and-identity',
    ],
    [
      '(a) same biometrics, same identity and document',
      input(same, 'same', 'same'),
      'white',
      'art33-1a-biometrics-and-identity',
    ],
    [
      '(b) same identity, same document, one side without biometrics',
      input(absent, 'same', 'same', [true, false]),
      'white',
      'art33-1b-identity-and-document-one-side-without-biometrics',
    ],
    [
      '(b) similar identity, same document, neither side with biometrics',
      input(absent, 'similar', 'same', [false, false]),
      'white',
      'art33-1b-identity-and-document-one-side-without-biometrics',
    ],
    [
      '(c) same biometrics and document, similar identity',
      input(same, 'similar', 'same'),
      'white',
      'art33-1c-biometrics-document-and-similar-identity',
    ],
    [
      'same biometrics, different identity',
      input(same, 'different', 'same'),
      'yellow',
      'biometrics-same-identity-different',
    ],
    [
      'same identity, biometrics differ',
      input(different, 'same', 'same'),
      'yellow',
      'identity-match-biometrics-different',
    ],
    [
      'similar identity, both with biometrics but no sBMS hit',
      input(absent, 'similar', 'different', [true, true]),
      'yellow',
      'identity-match-biometrics-different',
    ],
    [
      'same document, different identity, no biometrics',
      input(absent, 'different', 'same', [false, true]),
      'yellow',
      'document-same-identity-different',
    ],
    [
      'same document, different identity, biometrics differ',
      input(different, 'different', 'same'),
      'yellow',
      'document-same-identity-different',
    ],
    [
      'same identity, one side without biometrics, no same document',
      input(absent, 'same', 'near', [false, true]),
      'yellow',
      'identity-match-unconfirmed',
    ],
    ['nothing matches', input(different, 'different', 'different'), 'no-link', 'no-match'],
    ['a near document alone', input(absent, 'different', 'near', [false, false]), 'no-link', 'no-match'],
  ])('%s', (_name, colourInput, expected, reason) => {
    const result = automaticColour(colourInput);
    expect(result.outcome === 'link' ? result.colour : result.outcome).toBe(expected);
    expect(result.reason).toBe(reason);
  });

  it('refuses a biometric comparison for a file without biometrics', () => {
    expect(() => automaticColour(input(same, 'same', 'same', [true, false]))).toThrow(InvalidInput);
    expect(() => automaticColour(input(different, 'same', 'same', [false, true]))).toThrow(InvalidInput);
  });

  it('is white exactly where one of the conditions of Art 33(1) holds (all combinations)', () => {
    fc.assert(
      fc.property(arbitraryInput(), (colourInput) => {
        const biometricsSame = colourInput.biometric.kind === 'same';
        const identitySameOrSimilar = colourInput.identity !== 'different';
        const documentSame = colourInput.document === 'same';
        const oneSideWithout = !colourInput.hasBiometrics[0] || !colourInput.hasBiometrics[1];
        const art33 =
          (biometricsSame && identitySameOrSimilar) ||
          (identitySameOrSimilar && documentSame && oneSideWithout) ||
          (biometricsSame && documentSame && colourInput.identity === 'similar');
        const result = automaticColour(colourInput);
        expect(result.outcome === 'link' && result.colour === 'white').toBe(art33);
      }),
    );
  });

  it('links whenever biometrics, identity data or the document match, and only then', () => {
    fc.assert(
      fc.property(arbitraryInput(), (colourInput) => {
        const anyMatch =
          colourInput.biometric.kind === 'same' ||
          colourInput.identity !== 'different' ||
          colourInput.document === 'same';
        expect(automaticColour(colourInput).outcome === 'link').toBe(anyMatch);
      }),
    );
  });

  it('does not depend on which file is first', () => {
    fc.assert(
      fc.property(arbitraryInput(), (colourInput) => {
        const swapped = {
          ...colourInput,
          hasBiometrics: [colourInput.hasBiometrics[1], colourInput.hasBiometrics[0]] as const,
        };
        expect(automaticColour(swapped)).toEqual(automaticColour(colourInput));
      }),
    );
  });
});

function input(
  biometric: BiometricOutcome,
  identity: ColourInput['identity'],
  document: DocumentOutcome,
  hasBiometrics: readonly [boolean, boolean] = [true, true],
): ColourInput {
  return { biometric, identity, document, hasBiometrics };
}

/** Consistent inputs only: a biometric outcome other than absent needs biometrics on both sides. */
function arbitraryInput(): fc.Arbitrary<ColourInput> {
  return fc
    .record({
      biometric: fc.constantFrom(same, different, absent),
      identity: fc.constantFrom('same' as const, 'similar' as const, 'different' as const),
      document: fc.constantFrom<DocumentOutcome>('same', 'near', 'different', 'absent'),
      hasBiometrics: fc.tuple(fc.boolean(), fc.boolean()),
    })
    .map((colourInput) =>
      colourInput.biometric.kind === 'absent'
        ? colourInput
        : { ...colourInput, hasBiometrics: [true, true] as const },
    );
}
