import type { ConfirmationFile } from '../api/types';
import { fieldLabel, humanise } from '../ui/format';

/** What the automated comparison found: categories, the fields that agreed, biometric and document results. */
export function Evidence({ evidence }: { evidence: ConfirmationFile['evidence'] }) {
  const { identity, biometric, document } = evidence;
  return (
    <section aria-labelledby="evidence-heading" className="evidence">
      <h2 id="evidence-heading">Matching evidence</h2>
      <ul className="summary-list">
        <li>
          Biometrics:{' '}
          <strong>
            {biometric.kind === 'absent'
              ? 'not compared (absent)'
              : `${biometric.kind} (score ${biometric.score.toFixed(3)})`}
          </strong>
        </li>
        <li>
          Identity data (2023/333): <strong>{identity.verdict}</strong>, score {identity.score.toFixed(1)}
        </li>
        <li>
          Travel document: <strong>{document}</strong>
        </li>
        <li>
          Automatic outcome:{' '}
          {evidence.automatic.outcome === 'link'
            ? `${evidence.automatic.colour} link (${humanise(evidence.automatic.reason)})`
            : 'no link'}
        </li>
      </ul>
      <table className="table compact" aria-label="Identity categories">
        <thead>
          <tr>
            {Object.keys(identity.categories).map((category) => (
              <th key={category} scope="col">
                {fieldLabel(category)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {Object.entries(identity.categories).map(([category, outcome]) => (
              <td key={category} className={`outcome-${outcome}`}>
                {outcome}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <table className="table compact" aria-label="Field comparisons">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Fields</th>
            <th scope="col">Outcome</th>
            <th scope="col">Rule</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {identity.evidence.map((row) => (
            <tr key={`${row.category}/${row.fields}/${row.rule}`}>
              <td>{fieldLabel(row.category)}</td>
              <td className="mono">{row.fields}</td>
              <td className={`outcome-${row.outcome}`}>{row.outcome}</td>
              <td>{humanise(row.rule)}</td>
              <td>{row.weight.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
