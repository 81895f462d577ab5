import { InvalidInput } from './errors';
import type { BiometricOutcome, DocumentOutcome, IdentityComparison } from './types';

/** What the automated comparison of two files found (Art 28). */
export interface ColourInput {
  /** sBMS outcome. `absent` means no sBMS hit: a non-match when both files hold biometrics. */
  biometric: BiometricOutcome;
  identity: IdentityComparison['verdict'];
  document: DocumentOutcome;
  /** Whether each of the two files holds biometric data (ETIAS files never do). */
  hasBiometrics: readonly [boolean, boolean];
}

export type WhiteReason =
  | 'art33-1a-biometrics-and-identity'
  | 'art33-1b-identity-and-document-one-side-without-biometrics'
  | 'art33-1c-biometrics-document-and-similar-identity';

export type YellowReason =
  | 'biometrics-same-identity-different'
  | 'identity-match-biometrics-different'
  | 'document-same-identity-different'
  | 'identity-match-unconfirmed';

export type AutomaticColour =
  | { outcome: 'link'; colour: 'white'; reason: WhiteReason }
  | { outcome: 'link'; colour: 'yellow'; reason: YellowReason }
  | { outcome: 'no-link'; reason: 'no-match' };

/**
 * Art 33(1) and Art 30: the colour the MID gives a pair of files without a human. Green and red
 * are never automatic. A near (not identical) travel document counts as a different one.
 */
export function automaticColour(input: ColourInput): AutomaticColour {
  assertConsistent(input);
  const bothHaveBiometrics = input.hasBiometrics[0] && input.hasBiometrics[1];
  const biometricsSame = input.biometric.kind === 'same';
  const identityMatches = input.identity !== 'different';
  const documentSame = input.document === 'same';

  if (identityMatches) {
    // Art 33(1)(c) is a special case of (a); it is named when it is the more precise ground.
    if (biometricsSame && documentSame && input.identity === 'similar') {
      return {
        outcome: 'link',
        colour: 'white',
        reason: 'art33-1c-biometrics-document-and-similar-identity',
      };
    }
    if (biometricsSame)
      return { outcome: 'link', colour: 'white', reason: 'art33-1a-biometrics-and-identity' };
    if (bothHaveBiometrics) {
      return { outcome: 'link', colour: 'yellow', reason: 'identity-match-biometrics-different' };
    }
    if (documentSame) {
      return {
        outcome: 'link',
        colour: 'white',
        reason: 'art33-1b-identity-and-document-one-side-without-biometrics',
      };
    }
    return { outcome: 'link', colour: 'yellow', reason: 'identity-match-unconfirmed' };
  }
  if (biometricsSame)
    return { outcome: 'link', colour: 'yellow', reason: 'biometrics-same-identity-different' };
  if (documentSame) return { outcome: 'link', colour: 'yellow', reason: 'document-same-identity-different' };
  return { outcome: 'no-link', reason: 'no-match' };
}

function assertConsistent(input: ColourInput): void {
  const compared = input.biometric.kind !== 'absent';
  if (compared && !(input.hasBiometrics[0] && input.hasBiometrics[1])) {
    throw new InvalidInput(`biometric outcome '${input.biometric.kind}' for a file without biometrics`);
  }
}

/** The article behind each automatic outcome (docs/mid-links.md). */
export const REASON_ARTICLES: Record<AutomaticColour['reason'], string> = {
  'art33-1a-biometrics-and-identity': 'Art 33(1)(a)',
  'art33-1b-identity-and-document-one-side-without-biometrics': 'Art 33(1)(b)',
  'art33-1c-biometrics-document-and-similar-identity': 'Art 33(1)(c)',
  'biometrics-same-identity-different': 'Art 28(4), Art 30',
  'identity-match-biometrics-different': 'Art 28(4), Art 30',
  'identity-match-unconfirmed': 'Art 28(4), Art 30',
  'document-same-identity-different': 'Art 28(4), Art 30',
  'no-match': 'Art 28',
};
