import { isValidNationality } from '../quality/country-codes';

/**
 * Naming regions: a coarse, published grouping of nationalities by the writing system and naming
 * conventions their names usually come from, so that the MID's accuracy and burden can be compared
 * across naming cultures (Art 5, non-discrimination). A region is derived from a nationality when an
 * event is counted and is never stored per person. The grouping is documented in docs/statistics.md
 * ("Fairness across naming cultures"); nationality is a proxy: it says nothing about one person's name.
 */
export const NAMING_REGIONS = [
  'arabicScript',
  'cyrillicScript',
  'eastAsian',
  'southAsian',
  'latinScript',
  'other',
  'unknown',
] as const;
export type NamingRegion = (typeof NAMING_REGIONS)[number];

/** Nationalities (ISO 3166-1 alpha-3) of each region other than `latinScript`, `other` and `unknown`. */
export const REGION_NATIONALITIES: Readonly<
  Record<'arabicScript' | 'cyrillicScript' | 'eastAsian' | 'southAsian', readonly string[]>
> = {
  // Arab League states (Arabic names, transliterated in several ways) and the Persian/Pashto-script states.
  arabicScript: [
    'AFG',
    'ARE',
    'BHR',
    'COM',
    'DJI',
    'DZA',
    'EGY',
    'IRN',
    'IRQ',
    'JOR',
    'KWT',
    'LBN',
    'LBY',
    'MAR',
    'MRT',
    'OMN',
    'PSE',
    'QAT',
    'SAU',
    'SDN',
    'SOM',
    'SYR',
    'TUN',
    'YEM',
  ],
  // States whose passports transliterate names from Cyrillic.
  cyrillicScript: ['BGR', 'BLR', 'KAZ', 'KGZ', 'MKD', 'MNE', 'MNG', 'RUS', 'SRB', 'TJK', 'UKR'],
  // Family name first, romanised from Chinese, Japanese, Korean or Vietnamese conventions.
  eastAsian: ['CHN', 'HKG', 'JPN', 'KOR', 'MAC', 'PRK', 'TWN', 'VNM'],
  // Indic and Urdu scripts; often a single name or no fixed surname.
  southAsian: ['BGD', 'BTN', 'IND', 'LKA', 'MDV', 'NPL', 'PAK'],
};

/**
 * Nationalities whose names are written in another script (Greek, Armenian, Georgian, Hebrew,
 * Ge'ez, Thai, Lao, Khmer, Burmese) and the ICAO codes that name no state (stateless, refugee,
 * unspecified): `other`. Every other valid code is `latinScript`.
 */
const OTHER_SCRIPT = [
  'ARM',
  'CYP',
  'ERI',
  'ETH',
  'GEO',
  'GRC',
  'ISR',
  'KHM',
  'LAO',
  'MMR',
  'THA',
  'XXA',
  'XXB',
  'XXC',
  'XXX',
];

const REGION_OF = new Map<string, NamingRegion>([
  ...Object.entries(REGION_NATIONALITIES).flatMap(([region, codes]) =>
    codes.map((code) => [code, region as NamingRegion] as const),
  ),
  ...OTHER_SCRIPT.map((code) => [code, 'other'] as const),
]);

/**
 * The region of one person's file: from its first nationality (the one the origin system lists
 * first); `unknown` when it holds none, `other` for a code outside the valid list.
 */
export function namingRegion(nationalities: readonly string[] | undefined): NamingRegion {
  const first = nationalities?.[0]?.trim().toUpperCase();
  if (!first) return 'unknown';
  const region = REGION_OF.get(first);
  if (region) return region;
  return isValidNationality(first) ? 'latinScript' : 'other';
}
