import type { LinkColour } from '../api/types';

const STATUS_LABEL: Record<string, string> = {
  hit: 'Hit',
  no_hit: 'No hit',
  unavailable: 'Unavailable',
  timed_out: 'Timed out',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{STATUS_LABEL[status] ?? status}</span>;
}

/** A link colour as text and swatch (never colour alone). */
export function ColourChip({ colour }: { colour: LinkColour | string }) {
  return (
    <span className={`chip colour-${colour}`}>
      <span className="swatch" aria-hidden="true" />
      {colour} link
    </span>
  );
}
