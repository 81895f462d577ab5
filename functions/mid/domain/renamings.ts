/**
 * Known renamings of nationalities, countries and cities (Delegated Regulation 2023/333: a known
 * renaming is a *similar* case). A small documented table, not a gazetteer: former name -> current
 * name, both harmonised (upper case, no diacritics). Extend it as verifiers report cases.
 */

/** Former ISO 3166-1 / ICAO 9303 alpha-3 codes -> current code. */
export const NATIONALITY_RENAMINGS: Readonly<Record<string, string>> = {
  BUR: 'MMR', // Burma -> Myanmar
  ZAR: 'COD', // Zaire -> DR Congo
  TMP: 'TLS', // East Timor -> Timor-Leste
  YUG: 'SRB', // Yugoslavia -> Serbia (successor for nationality records)
  SCG: 'SRB', // Serbia and Montenegro -> Serbia
  SUN: 'RUS', // USSR -> Russian Federation (successor state)
  DDR: 'DEU', // German Democratic Republic -> Germany
  D: 'DEU', // ICAO code of Germany in machine-readable zones
  ROM: 'ROU', // Romania, code changed in 2002
  ZRE: 'COD', // Zaire, alternative code
  HVO: 'BFA', // Upper Volta -> Burkina Faso
  DHY: 'BEN', // Dahomey -> Benin
  RHO: 'ZWE', // Rhodesia -> Zimbabwe
  ANT: 'NLD', // Netherlands Antilles -> Netherlands (nationality)
};

/** Former city and country names -> current name. */
export const PLACE_RENAMINGS: Readonly<Record<string, string>> = {
  BOMBAY: 'MUMBAI',
  MADRAS: 'CHENNAI',
  CALCUTTA: 'KOLKATA',
  BANGALORE: 'BENGALURU',
  PEKING: 'BEIJING',
  CANTON: 'GUANGZHOU',
  RANGOON: 'YANGON',
  SAIGON: 'HO CHI MINH CITY',
  LENINGRAD: 'SAINT PETERSBURG',
  'ST PETERSBURG': 'SAINT PETERSBURG',
  STALINGRAD: 'VOLGOGRAD',
  SVERDLOVSK: 'YEKATERINBURG',
  GORKY: 'NIZHNY NOVGOROD',
  KIEV: 'KYIV',
  KHARKOV: 'KHARKIV',
  ODESSA: 'ODESA',
  DNEPROPETROVSK: 'DNIPRO',
  'ALMA ATA': 'ALMATY',
  FRUNZE: 'BISHKEK',
  ASTANA: 'NUR SULTAN',
  AKMOLA: 'NUR SULTAN',
  LENINABAD: 'KHUJAND',
  TITOGRAD: 'PODGORICA',
  LEOPOLDVILLE: 'KINSHASA',
  ELISABETHVILLE: 'LUBUMBASHI',
  STANLEYVILLE: 'KISANGANI',
  SALISBURY: 'HARARE',
  'LOURENCO MARQUES': 'MAPUTO',
  BATHURST: 'BANJUL',
  CONSTANTINOPLE: 'ISTANBUL',
  BURMA: 'MYANMAR',
  ZAIRE: 'DEMOCRATIC REPUBLIC OF THE CONGO',
  CEYLON: 'SRI LANKA',
  SWAZILAND: 'ESWATINI',
  'EAST TIMOR': 'TIMOR LESTE',
  PERSIA: 'IRAN',
  SIAM: 'THAILAND',
  DAHOMEY: 'BENIN',
  'UPPER VOLTA': 'BURKINA FASO',
  RHODESIA: 'ZIMBABWE',
  'IVORY COAST': 'COTE D IVOIRE',
};

export function currentNationality(code: string): string {
  return NATIONALITY_RENAMINGS[code] ?? code;
}

export function currentPlaceName(harmonisedPlace: string): string {
  return PLACE_RENAMINGS[harmonisedPlace] ?? harmonisedPlace;
}
