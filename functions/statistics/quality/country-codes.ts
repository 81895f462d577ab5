/** ISO 3166-1 alpha-3: the 249 officially assigned codes. */
const ISO_3166_ALPHA3 = `
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE
BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA
CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE
DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM
GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN
IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT
LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA
MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT
NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF
QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR
TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB
VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE`
  .trim()
  .split(/\s+/);

/**
 * ICAO Doc 9303 Part 3 codes outside ISO 3166-1 that travel documents legitimately carry: British
 * nationality categories, the United Nations, the EU, the Order of Malta, Interpol, the other
 * organisations ICAO lists (African Development Bank, CARICOM, Council of Europe...), and Kosovo
 * (`RKS` in ICAO documents, `XKX` in EU systems).
 */
const ICAO_ISSUERS = [
  'GBD',
  'GBN',
  'GBO',
  'GBP',
  'GBS',
  'UNO',
  'UNA',
  'UNK',
  'EUE',
  'XOM',
  'XPO',
  // the other organisations ICAO 9303 Part 3 lists as issuers of travel documents
  'XBA',
  'XIM',
  'XCC',
  'XCE',
  'XCO',
  'XEC',
  'XES',
  'XMP',
  'XDC',
  'RKS',
  'XKX',
];
/** ICAO nationality codes for persons without one: stateless, refugees (two kinds), unspecified. */
const ICAO_NATIONALITY_ONLY = ['XXA', 'XXB', 'XXC', 'XXX'];

const ISSUING_COUNTRIES: ReadonlySet<string> = new Set([...ISO_3166_ALPHA3, ...ICAO_ISSUERS]);
const NATIONALITIES: ReadonlySet<string> = new Set([...ISSUING_COUNTRIES, ...ICAO_NATIONALITY_ONLY]);

/** A current ISO 3166-1 alpha-3 code or an ICAO 9303 nationality code; former codes (ROM, ZAR...) are not. */
export const isValidNationality = (code: string) => NATIONALITIES.has(code);

/** A current ISO 3166-1 alpha-3 code or an ICAO 9303 issuer code (not the stateless/refugee codes). */
export const isValidIssuingCountry = (code: string) => ISSUING_COUNTRIES.has(code);
