import { type CompareOptions, compareIdentities, createsLink } from '../../mid/domain/compare-identities';
import type { IdentityMatcher } from './identity-matcher';

/**
 * The MID's identity comparison (2023/333 rule set plus calibrated score) as the ESP's matcher, so
 * that a search finds what the MID would link: a hit when the identity data are same or similar,
 * or the score reaches the threshold (the MID's calibrated one unless given). The score passed on
 * is the MID's log-likelihood ratio.
 */
export function createMidIdentityMatcher(options: CompareOptions = {}): IdentityMatcher {
  return (query, record) => {
    const comparison = compareIdentities(query, record, options);
    return { match: createsLink(comparison), score: comparison.score };
  };
}
