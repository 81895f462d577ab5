/** Origin systems whose records feed the CIR and trigger MID checks (Art 27). */
export const ORIGIN_SYSTEMS = ['EES', 'VIS', 'ETIAS', 'EURODAC', 'SIS', 'ECRIS_TCN'] as const;
export type OriginSystem = (typeof ORIGIN_SYSTEMS)[number];

/** Every system the ESP can query (Art 9): the CIR, the central systems, Europol and Interpol data. */
export const ESP_SOURCES = [
  'CIR',
  'SIS',
  'EES',
  'VIS',
  'ETIAS',
  'EURODAC',
  'ECRIS_TCN',
  'EUROPOL',
  'INTERPOL_SLTD',
  'INTERPOL_TDAWN',
] as const;
export type EspSource = (typeof ESP_SOURCES)[number];

export function isOriginSystem(value: string): value is OriginSystem {
  return (ORIGIN_SYSTEMS as readonly string[]).includes(value);
}
