import type { ConfirmationFile } from '../api/types';
import { fieldLabel, humanise } from '../ui/format';

type IdentityEvidence = ConfirmationFile['evidence']['identity'];

/**
 * What the automated comparison found, in the order a verifier reasons: first the legal ground (the
 * 2023/333 verdict and its categories, biometrics, travel documents, the colour the rules gave), then
 * the statistical score's levels, labelled as the score's: they rank candidates and are not the verdict.
 */
export function Evidence({ evidence }: { evidence: ConfirmationFile['evidence'] }) {
  const { identity, biometric, document } = evidence;
  return (
    <section aria-labelledby="evidence-heading" className="evidence">
      <h2 id="evidence-heading">Matching evidence</h2>
      <section aria-labelledby="legal-heading" className="legal-ground">
        <h3 id="legal-heading">Legal ground: Delegated Regulation (EU) 2023/333</h3>
        <ul className="summary-list">
          <li>
            Identity data: <strong>{identity.verdict}</strong> (2023/333 verdict over the categories below)
          </li>
          <li>
            Biometrics:{' '}
            <strong>
              {biometric.kind === 'absent'
                ? 'not compared (absent)'
                : `${biometric.kind} (sBMS score ${biometric.score.toFixed(3)})`}
            </strong>
          </li>
          <li>
            Travel document: <strong>{document}</strong>
          </li>
          <li>
            Automatic outcome:{' '}
            <strong>
              {evidence.automatic.outcome === 'link'
                ? `${evidence.automatic.colour} link (${humanise(evidence.automatic.reason)})`
                : 'no link'}
            </strong>
          </li>
        </ul>
        <CategoryTable identity={identity} />
      </section>
      <ScoreTable identity={identity} />
    </section>
  );
}

/** Each 2023/333 category with its outcome and the rule-set comparisons that decided it. */
function CategoryTable({ identity }: { identity: IdentityEvidence }) {
  const ruleSet = identity.evidence.filter((row) => row.source === 'rule-set');
  return (
    <table className="table compact" aria-label="2023/333 categories">
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">2023/333 outcome</th>
          <th scope="col">Decided by</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(identity.categories).map(([category, outcome]) => (
          <tr key={category}>
            <th scope="row">{fieldLabel(category)}</th>
            <td className={`outcome-${outcome}`}>{outcome}</td>
            <td>
              {ruleSet
                .filter((row) => row.category === category)
                .map((row) => `${humanise(row.rule)} (${row.fields})`)
                .join('; ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The Fellegi-Sunter score's comparisons: their levels are the score's, not the 2023/333 outcomes. */
function ScoreTable({ identity }: { identity: IdentityEvidence }) {
  const scored = identity.evidence.filter((row) => row.source !== 'rule-set');
  return (
    <section aria-labelledby="score-heading" className="score">
      <h3 id="score-heading">The identity score (statistical; not the legal ground)</h3>
      <p className="muted small">
        Score {identity.score.toFixed(1)}: the sum of the weights below (log-likelihood ratios). It decides
        only whether the pair is compared as a candidate
        {identity.candidate ? ' (it was)' : ' (it was not)'}; its levels can differ from the 2023/333 outcomes
        above, which are the verdict.
        {identity.conflicts?.length
          ? ` Outright disagreement: ${identity.conflicts.map(fieldLabel).join(', ')}.`
          : ''}
      </p>
      <table className="table compact" aria-label="Score comparisons">
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Fields</th>
            <th scope="col">Score level</th>
            <th scope="col">Rule</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {scored.map((row) => (
            <tr key={`${row.category}/${row.fields}/${row.rule}`}>
              <td>{fieldLabel(row.category)}</td>
              <td className="mono">{row.fields}</td>
              <td>score: {row.outcome}</td>
              <td>{humanise(row.rule)}</td>
              <td>{row.weight.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
