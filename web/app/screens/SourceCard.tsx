import type { EspReply } from '../api/types';
import { ColourChip, StatusBadge } from '../ui/colour';
import { fieldLabel, humanise } from '../ui/format';
import { urgencyOf } from './result-urgency';

type SourceResult = EspReply['results'][number];

const STATUS_TEXT: Record<string, string> = {
  unavailable: 'This system could not be searched just now. The other systems answered.',
  timed_out: 'This system did not answer within its time budget. The other systems answered.',
  no_hit: 'No matching data.',
};

/** One card per system: its status, how long it took, and the hits in the fields the profile allows. */
export function SourceCard({ result }: { result: SourceResult }) {
  const headingId = `source-${result.source}`;
  const urgency = urgencyOf(result);
  const actions = [
    ...new Set(
      (result.hits ?? []).map((hit) => hit.record.actionToTake).filter((a) => typeof a === 'string'),
    ),
  ];
  return (
    <li
      className={`card source-card status-${result.status} urgency-${urgency}`}
      aria-labelledby={headingId}
      data-source={result.source}
      data-urgency={urgency}
    >
      <div className="card-head">
        <h3 id={headingId}>{humanise(result.source)}</h3>
        <StatusBadge status={result.status} />
      </div>
      {urgency === 'act-now' && (
        <p className="act-now" role="alert">
          <strong>Act now:</strong> {actions.join(' ')}
        </p>
      )}
      <p className="muted small">{result.elapsedMs} ms</p>
      {STATUS_TEXT[result.status] && <p>{STATUS_TEXT[result.status]}</p>}
      {result.hits?.map((hit, index) => (
        <div className="hit" key={`${String(hit.record.recordId ?? hit.matchedOn.join())}/${hit.score}`}>
          <p className="small">
            Hit {index + 1}: matched on {hit.matchedOn.map(humanise).join(', ')} · score{' '}
            {hit.score.toFixed(2)}
          </p>
          <RecordView record={hit.record} />
        </div>
      ))}
    </li>
  );
}

function RecordView({ record }: { record: Record<string, unknown> }) {
  const { links, ...rest } = record;
  return (
    <>
      <dl className="kv">
        {Object.entries(rest)
          .filter(([, value]) => !isEmpty(value))
          .map(([key, value]) => (
            <div key={key}>
              <dt>{fieldLabel(key)}</dt>
              <dd>{renderValue(value)}</dd>
            </div>
          ))}
      </dl>
      {Array.isArray(links) && links.length > 0 && (
        <div className="links">
          <span className="small">MID links:</span>{' '}
          {links.map((link) => {
            const { colour, linkedRecord } = link as {
              colour: string;
              linkedRecord?: { system?: string; recordId?: string };
            };
            return (
              <span key={`${colour}/${linkedRecord?.system}/${linkedRecord?.recordId}`} className="link-item">
                <ColourChip colour={colour} />
                {linkedRecord?.system ? ` to ${linkedRecord.system} ${linkedRecord.recordId ?? ''}` : ''}
              </span>
            );
          })}
        </div>
      )}
    </>
  );
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0);

function renderValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(renderValue).join('; ') || '—';
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => `${fieldLabel(k)}: ${renderValue(v)}`)
      .join(', ');
  return String(value);
}
