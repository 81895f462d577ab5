import { ORIGIN_SYSTEMS, type OriginSystem } from '../../functions/shared/systems';

/**
 * Synthetic third-country nationals and their records across the origin systems, for the demo
 * data, the tests and the linkage benchmark. Deterministic for a seed. Each person has one to
 * six records, each in a different system, varied the way real registrations vary: other
 * transliterations, typos, swapped name groups, dropped middle names, partial, swapped and
 * placeholder dates, new passports, OCR errors, missing fields. Hard negatives: twins (same
 * surname, date and place of birth, consecutive passports) and namesakes with close birth dates.
 * All names come from frequency-agnostic pools; no real person is described.
 */

export interface SyntheticRecord {
  recordId: string;
  clusterId: string;
  system: OriginSystem;
  surname: string;
  givenNames: string;
  /** `YYYY-MM-DD`, `00` for unknown, '' when missing. */
  dateOfBirth: string;
  sex: string;
  /** Alpha-3 codes separated by `;`. */
  nationality: string;
  placeOfBirth: string;
  documentNumber: string;
}

export interface Rng {
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast, good enough for test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, chance: (p) => next() < p, pick: (items) => items[int(items.length)]! };
}

type Style = 'arabic' | 'slavic' | 'turkish' | 'south-asian' | 'african' | 'chinese' | 'hispanic' | 'persian';

interface Region {
  style: Style;
  nationalities: readonly string[];
  cities: readonly string[];
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
  /** Share of people whose registered date of birth is a placeholder (01-01 or unknown parts). */
  placeholderRate: number;
  /** Share of people with no family name (a single name registered as surname). */
  mononymRate: number;
}

/** A pool written as one string; `_` joins the words of one multi-word name. */
const words = (text: string): string[] =>
  text
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/_/g, ' '));

const REGIONS: readonly Region[] = [
  {
    style: 'arabic',
    nationalities: ['SYR', 'IRQ', 'EGY', 'MAR', 'DZA', 'TUN', 'LBY', 'JOR', 'LBN', 'YEM', 'SDN', 'PSE'],
    cities: words(
      'DAMASCUS ALEPPO HOMS BAGHDAD MOSUL BASRA CAIRO ALEXANDRIA CASABLANCA FES ORAN TUNIS SFAX TRIPOLI AMMAN BEIRUT SANAA ADEN KHARTOUM GAZA',
    ),
    male: words(
      'MOHAMMED AHMED ALI OMAR HASSAN HUSSEIN YOUSSEF KHALED MAHMOUD IBRAHIM ABDULLAH MUSTAFA SAMI TAREK WALID KARIM RAMI NABIL JAMAL FAISAL SALEH MUNIR ZIAD BASSAM ADNAN HAMZA BILAL ANAS TAHA SULEIMAN',
    ),
    female: words(
      'FATIMA AISHA MARIAM KHADIJA ZEINAB LAYLA NOUR HIBA RANIA SALMA AMINA YASMIN HANAN SUAD DINA RIM WAFA SAMIRA LINA HUDA',
    ),
    surnames: words(
      'AL-HASSAN AL-AHMAD HADDAD KHALIL NASSER SALEH MANSOUR HAMDAN ABDELRAHMAN EL-SAYED BOUAZIZI BENALI OTHMAN AL-RASHID DARWISH KHOURY AL-MASRI YOUNES CHAOUI BENSAID AZIZ HAMADI AL-TIKRITI QASSEM ZAHRAN SHARIF',
    ),
    placeholderRate: 0.12,
    mononymRate: 0,
  },
  {
    style: 'slavic',
    nationalities: ['RUS', 'UKR', 'BLR', 'KAZ', 'KGZ', 'UZB', 'MDA', 'SRB', 'GEO'],
    cities: words(
      'МОСКВА ХАРЬКОВ КИЕВ ОДЕССА МИНСК ГОМЕЛЬ АЛМАТЫ БИШКЕК ТАШКЕНТ КИШИНЕВ ЛЬВОВ ДНЕПР ВОРОНЕЖ САМАРА КАЗАНЬ ЧЕЛЯБИНСК',
    ),
    male: words(
      'АЛЕКСАНДР СЕРГЕЙ ДМИТРИЙ АНДРЕЙ АЛЕКСЕЙ МАКСИМ ЕВГЕНИЙ ИВАН МИХАИЛ НИКОЛАЙ ЮРИЙ ВИКТОР ОЛЕГ ВАДИМ АРТЁМ ДЕНИС ВЛАДИМИР ИГОРЬ КИРИЛЛ ЯРОСЛАВ',
    ),
    female: words(
      'ЕЛЕНА ОЛЬГА НАТАЛЬЯ ТАТЬЯНА ЮЛИЯ АННА ИРИНА СВЕТЛАНА МАРИЯ ЕКАТЕРИНА ОКСАНА ЛЮДМИЛА ДАРЬЯ КСЕНИЯ ЯНА ЖАННА',
    ),
    surnames: words(
      'ИВАНОВ СМИРНОВ КУЗНЕЦОВ ПОПОВ ВАСИЛЬЕВ ПЕТРОВ СОКОЛОВ МИХАЙЛОВ НОВИКОВ ФЁДОРОВ МОРОЗОВ ВОЛКОВ АЛЕКСЕЕВ ЛЕБЕДЕВ СЕМЁНОВ ЕГОРОВ ПАВЛОВ КОЗЛОВ СТЕПАНОВ НИКОЛАЕВ ОРЛОВ АНДРЕЕВ МАКАРОВ ЗАХАРОВ ЗАЙЦЕВ СОЛОВЬЁВ БОРИСОВ ЯКОВЛЕВ ГРИГОРЬЕВ ШЕВЧЕНКО КОВАЛЕНКО БОНДАРЕНКО ТКАЧЕНКО КРАВЧЕНКО ХРУЩЁВ ЖУКОВ ЩЕРБАКОВ ЧЕРНЫХ',
    ),
    placeholderRate: 0.01,
    mononymRate: 0,
  },
  {
    style: 'turkish',
    nationalities: ['TUR'],
    cities: words('İSTANBUL ANKARA İZMİR BURSA ADANA GAZİANTEP KONYA DİYARBAKIR ŞANLIURFA MERSİN KAYSERİ'),
    male: words(
      'MEHMET MUSTAFA AHMET ALİ HÜSEYİN HASAN İBRAHİM İSMAİL OSMAN YUSUF MURAT ÖMER EMRE BURAK ÇAĞLAR GÖKHAN SERKAN ŞENOL',
    ),
    female: words('FATMA AYŞE EMİNE HATİCE ZEYNEP ELİF MERVE ÖZLEM GÜLSÜM ŞERİFE SEVGİ DİLEK BÜŞRA ÇİĞDEM'),
    surnames: words(
      'YILMAZ KAYA DEMİR ŞAHİN ÇELİK YILDIZ YILDIRIM ÖZTÜRK AYDIN ÖZDEMİR ARSLAN DOĞAN KILIÇ ASLAN ÇETİN KARA KOÇ KURT ÖZKAN ŞİMŞEK POLAT ÜNAL GÜNEŞ ERDOĞAN',
    ),
    placeholderRate: 0.02,
    mononymRate: 0,
  },
  {
    style: 'south-asian',
    nationalities: ['IND', 'PAK', 'BGD', 'LKA', 'NPL'],
    cities: words(
      'MUMBAI DELHI KOLKATA CHENNAI LAHORE KARACHI PESHAWAR DHAKA CHITTAGONG SYLHET COLOMBO KATHMANDU AMRITSAR HYDERABAD',
    ),
    male: words(
      'MOHAMMAD RAJESH AMIT SANJAY IMRAN ASIF RAHUL VIKRAM ARJUN SURESH HARPREET GURPREET TARIQ USMAN BILAL ZAHID RAVI ANIL DEEPAK NAVEED',
    ),
    female: words(
      'PRIYA SUNITA ANJALI FATIMA AYESHA NADIA SHABANA REKHA POOJA KAVITA NASREEN SHAZIA RUKHSANA LAKSHMI DIVYA',
    ),
    surnames: words(
      'SINGH KUMAR SHARMA PATEL KHAN HUSSAIN AHMED CHAUDHRY RAHMAN ISLAM HOSSAIN MALIK QURESHI BUTT GUPTA REDDY NAIR PERERA FERNANDO SHRESTHA GURUNG CHOWDHURY MIAH BEGUM',
    ),
    placeholderRate: 0.06,
    mononymRate: 0.05,
  },
  {
    style: 'african',
    nationalities: [
      'NGA',
      'SOM',
      'ERI',
      'ETH',
      'COD',
      'GIN',
      'SEN',
      'MLI',
      'CIV',
      'GHA',
      'CMR',
      'SDN',
      'GMB',
    ],
    cities: words(
      'LAGOS ABUJA KANO IBADAN MOGADISHU HARGEISA ASMARA ADDIS_ABABA KINSHASA CONAKRY DAKAR BAMAKO ABIDJAN ACCRA KUMASI DOUALA YAOUNDE BANJUL',
    ),
    male: words(
      'ABDI MOHAMED CHUKWUEMEKA OLUWASEUN EMEKA TESFAYE YONAS DAWIT MAMADOU IBRAHIMA MOUSSA SEKOU KWAME KOFI JEAN-PIERRE PATRICE OUSMANE ABDOULAYE ADEBAYO SAMUEL',
    ),
    female: words(
      'AMINATA FATOUMATA HAWA MARIAMA NGOZI CHIAMAKA ADAEZE FOLAKE HODAN SAHRA FILSAN SELAM HELEN MERON AWA KADIATOU AKOSUA ABENA GRACE',
    ),
    surnames: words(
      'OKONKWO OKAFOR ADEBAYO OLAWALE ABDULLAHI HASSAN MOHAMUD WARSAME TESFAYE GEBREMEDHIN HAILE BEKELE DIALLO BARRY SOW BAH TRAORE KEITA COULIBALY KONATE MENSAH OWUSU ASANTE MBEKI KABILA TSHISEKEDI NDIAYE DIOP FALL JALLOW',
    ),
    placeholderRate: 0.2,
    mononymRate: 0.02,
  },
  {
    style: 'chinese',
    nationalities: ['CHN'],
    cities: words(
      'BEIJING SHANGHAI GUANGZHOU SHENZHEN CHENGDU WUHAN XIAN NANJING HANGZHOU CHONGQING TIANJIN WENZHOU FUZHOU',
    ),
    male: words('WEI JUN HAO MING QIANG LEI JIAN PENG TAO YONG ZHIWEI XIAOMING JIANGUO HAOYU ZIHAN'),
    female: words('FANG LI NA JING YAN XIU MEI LING HUI YING XIAOLI JIAYI YUTONG SHUANG'),
    surnames: words(
      'WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE LIN GAO LUO ZHENG LIANG XIE TANG',
    ),
    placeholderRate: 0.01,
    mononymRate: 0,
  },
  {
    style: 'hispanic',
    nationalities: ['COL', 'VEN', 'PER', 'ECU', 'BOL', 'HND', 'SLV', 'DOM', 'CUB', 'MEX', 'ARG', 'PRY'],
    cities: words(
      'BOGOTA MEDELLIN CALI CARACAS MARACAIBO LIMA AREQUIPA QUITO GUAYAQUIL LA_PAZ TEGUCIGALPA SAN_SALVADOR SANTO_DOMINGO LA_HABANA MONTERREY ROSARIO ASUNCION',
    ),
    male: words(
      'JOSE JUAN CARLOS LUIS JORGE MIGUEL ANGEL ANDRES DIEGO ALEJANDRO FERNANDO JAVIER RICARDO EDUARDO SEBASTIAN NICOLAS',
    ),
    female: words(
      'MARIA ANA CARMEN LAURA PAOLA DANIELA VALENTINA GABRIELA ALEJANDRA CAROLINA ANDREA NATALIA XIMENA LUCIA CAMILA',
    ),
    surnames: words(
      'GARCIA RODRIGUEZ MARTINEZ HERNANDEZ LOPEZ GONZALEZ PEREZ SANCHEZ RAMIREZ TORRES FLORES RIVERA GOMEZ DIAZ REYES MORALES CRUZ ORTIZ GUTIERREZ CHAVEZ RAMOS VARGAS CASTILLO JIMENEZ MORENO ROJAS DE_LA_CRUZ MENDOZA',
    ),
    placeholderRate: 0.01,
    mononymRate: 0,
  },
  {
    style: 'persian',
    nationalities: ['AFG', 'IRN', 'TJK'],
    cities: words(
      'KABUL HERAT KANDAHAR MAZAR-I-SHARIF JALALABAD KUNDUZ GHAZNI TEHRAN MASHHAD ISFAHAN SHIRAZ TABRIZ DUSHANBE KHUJAND',
    ),
    male: words(
      'MOHAMMAD AHMAD ALI REZA HAMID MAHMOUD NASIR JAVAD HOSSEIN ABDUL ZABIHULLAH NAJIBULLAH ASADULLAH FARID JAWAD SAYED MORTEZA MEHDI SHER KHALID',
    ),
    female: words(
      'FATEMEH ZAHRA MARYAM SHABNAM FARZANA NILOUFAR PARISA SOMAYEH ROYA LAILA MALALAI SHAIMA ZARGHONA MINA SHIRIN',
    ),
    surnames: words(
      'AHMADI MOHAMMADI HOSSEINI KARIMI RAHIMI HAIDARI NOORI AHMADZAI POPAL STANIKZAI SAFI RAZAVI MOUSAVI JAFARI SADEGHI REZAEI TAHERI AMINI YOUSUFZAI WARDAK NAZARI HAKIMI',
    ),
    placeholderRate: 0.25,
    mononymRate: 0.08,
  },
];

/** Spelling variants that several romanisations produce for one name (ICAO 9303 and common usage). */
const KNOWN_VARIANTS: readonly (readonly string[])[] = [
  ['MOHAMMED', 'MOHAMED', 'MUHAMMAD', 'MOHAMMAD', 'MOHAMAD', 'MUHAMMED', 'MOHAMMAD'],
  ['AHMED', 'AHMAD', 'AHMET'],
  ['HUSSEIN', 'HUSSAIN', 'HUSEIN', 'HOSSEIN', 'HUSAIN'],
  ['HASSAN', 'HASAN', 'HASSEN'],
  ['YOUSSEF', 'YOUSEF', 'YUSUF', 'YOUSSOUF', 'JOUSSEF'],
  ['OMAR', 'UMAR', 'OMER'],
  ['KHALED', 'KHALID', 'HALED'],
  ['MAHMOUD', 'MAHMUD', 'MAHMOOD'],
  ['ABDULLAH', 'ABDALLAH', 'ABDULLA'],
  ['MUSTAFA', 'MOUSTAFA', 'MOSTAFA'],
  ['SULEIMAN', 'SULAYMAN', 'SOULEYMANE'],
  ['FATIMA', 'FATMA', 'FATEMEH', 'FATIMAH'],
  ['AISHA', 'AICHA', 'AYESHA', 'AISCHA'],
  ['MARIAM', 'MARYAM', 'MERIEM'],
  ['KHADIJA', 'KHADIDJA', 'HATICE'],
  ['ZEINAB', 'ZAINAB', 'ZEYNEP'],
  ['LAYLA', 'LEILA', 'LAILA'],
  ['YASMIN', 'JASMIN', 'YASMINE'],
  ['CHOWDHURY', 'CHOUDHURY', 'CHAUDHRY', 'CHAUDHARY'],
  ['HOSSAIN', 'HOSSEIN', 'HUSSAIN'],
  ['MOHAMUD', 'MAHAMOUD', 'MOHAMOUD'],
  ['ABDI', 'ABDY'],
  ['TESFAYE', 'TESFAY'],
  ['GEBREMEDHIN', 'GEBRE MEDHIN', 'GEBREMEDIN'],
  ['YOUSUFZAI', 'YOUSAFZAI', 'YUSUFZAI'],
  ['REZA', 'RIZA'],
  ['JAVAD', 'JAWAD'],
];

const VARIANT_OF = new Map<string, readonly string[]>();
for (const group of KNOWN_VARIANTS) for (const name of group) VARIANT_OF.set(name, group);

/** Romanisations of Cyrillic: ICAO 9303, English (BGN/PCGN-like), German, French. */
const CYRILLIC_SCHEMES: readonly Record<string, string>[] = [
  {
    Х: 'KH',
    Ж: 'ZH',
    Й: 'I',
    Ю: 'IU',
    Я: 'IA',
    Ц: 'TS',
    Ш: 'SH',
    Щ: 'SHCH',
    Ч: 'CH',
    Ё: 'E',
    Ы: 'Y',
    Ь: '',
    Ъ: 'IE',
  },
  {
    Х: 'KH',
    Ж: 'ZH',
    Й: 'Y',
    Ю: 'YU',
    Я: 'YA',
    Ц: 'TS',
    Ш: 'SH',
    Щ: 'SHCH',
    Ч: 'CH',
    Ё: 'YO',
    Ы: 'Y',
    Ь: '',
    Ъ: '',
  },
  {
    Х: 'CH',
    Ж: 'SCH',
    Й: 'J',
    Ю: 'JU',
    Я: 'JA',
    Ц: 'Z',
    Ш: 'SCH',
    Щ: 'SCHTSCH',
    Ч: 'TSCH',
    Ё: 'JO',
    Ы: 'Y',
    Ь: '',
    Ъ: '',
    В: 'W',
    З: 'S',
  },
  {
    Х: 'KH',
    Ж: 'J',
    Й: 'I',
    Ю: 'IOU',
    Я: 'IA',
    Ц: 'TS',
    Ш: 'CH',
    Щ: 'CHTCH',
    Ч: 'TCH',
    Ё: 'IO',
    Ы: 'Y',
    Ь: '',
    Ъ: '',
    У: 'OU',
  },
];
const CYRILLIC_BASE: Record<string, string> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Е: 'E',
  З: 'Z',
  И: 'I',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Э: 'E',
  Ї: 'I',
  І: 'I',
  Є: 'IE',
};

function romaniseCyrillic(name: string, scheme: Record<string, string>): string {
  let out = '';
  for (const char of name) out += scheme[char] ?? CYRILLIC_BASE[char] ?? char;
  return out;
}

const TURKISH_ASCII: Record<string, string[]> = {
  Ş: ['S'],
  Ç: ['C'],
  Ğ: ['G'],
  İ: ['I'],
  I: ['I'],
  Ö: ['O', 'OE'],
  Ü: ['U', 'UE'],
};

interface Person {
  clusterId: string;
  region: Region;
  sex: 'M' | 'F';
  givenNames: string[];
  surname: string;
  dateOfBirth: { year: number; month: number; day: number };
  nationalities: string[];
  placeOfBirth: string;
  passport: string;
}

function randomPassport(rng: Rng): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return `${rng.pick([...letters])}${rng.pick([...letters])}${String(rng.int(10_000_000)).padStart(7, '0')}`;
}

function randomDate(rng: Rng, region: Region): Person['dateOfBirth'] {
  const year = 1950 + rng.int(58);
  if (rng.chance(region.placeholderRate)) {
    return rng.pick([
      { year, month: 1, day: 1 },
      { year, month: 0, day: 0 },
      { year, month: 7, day: 1 },
    ]);
  }
  return { year, month: 1 + rng.int(12), day: 1 + rng.int(28) };
}

function newPerson(rng: Rng, clusterId: string): Person {
  const region = rng.pick(REGIONS);
  const sex = rng.chance(0.5) ? 'M' : 'F';
  const pool = sex === 'M' ? region.male : region.female;
  const givenNames = [rng.pick(pool)];
  if (rng.chance(region.style === 'chinese' ? 0.05 : 0.3)) givenNames.push(rng.pick(pool));
  const nationalities = [rng.pick(region.nationalities)];
  if (rng.chance(0.08))
    nationalities.push(rng.pick(['GBR', 'USA', 'CAN', 'TUR', 'FRA', 'RUS', 'ARE', 'SAU']));
  let surname = rng.pick(region.surnames);
  if (region.style === 'hispanic' && rng.chance(0.7)) surname = `${surname} ${rng.pick(region.surnames)}`;
  if (region.style === 'arabic' && rng.chance(0.3)) givenNames.push(rng.pick(region.male));
  const mononym = rng.chance(region.mononymRate);
  return {
    clusterId,
    region,
    sex,
    givenNames: mononym ? [] : givenNames,
    surname: mononym ? givenNames[0]! : surname,
    dateOfBirth: randomDate(rng, region),
    nationalities,
    placeOfBirth: rng.pick(region.cities),
    passport: randomPassport(rng),
  };
}

/** A different person sharing surname, birth date and place: a twin, with the next passport number. */
function twinOf(rng: Rng, person: Person, clusterId: string): Person {
  const sex = rng.chance(0.5) ? 'M' : 'F';
  const pool = (sex === 'M' ? person.region.male : person.region.female).filter(
    (n) => !person.givenNames.includes(n),
  );
  const digits = Number(person.passport.slice(2)) + 1;
  return {
    ...person,
    clusterId,
    sex,
    givenNames: [rng.pick(pool)],
    passport: `${person.passport.slice(0, 2)}${String(digits % 10_000_000).padStart(7, '0')}`,
  };
}

/** A different person with the same name and nationality, born within three years. */
function namesakeOf(rng: Rng, person: Person, clusterId: string): Person {
  const other = newPerson(rng, clusterId);
  let { year, month, day } = person.dateOfBirth;
  year += rng.pick([-3, -2, -1, 0, 1, 2, 3]);
  month = month === 0 ? 0 : 1 + rng.int(12);
  day = day === 0 ? 0 : 1 + rng.int(28);
  return {
    ...other,
    region: person.region,
    sex: person.sex,
    givenNames: [...person.givenNames],
    surname: person.surname,
    nationalities: [...person.nationalities],
    placeOfBirth: rng.pick(person.region.cities),
    dateOfBirth: { year, month, day },
  };
}

function typo(rng: Rng, value: string): string {
  if (value.length < 2) return value;
  const i = rng.int(value.length - 1);
  const letter = rng.pick([...'ABCDEFGHIJKLMNOPRSTUVWYZ']);
  switch (rng.int(4)) {
    case 0:
      return value.slice(0, i) + value.slice(i + 1);
    case 1:
      return value.slice(0, i) + letter + value.slice(i);
    case 2:
      return value.slice(0, i) + letter + value.slice(i + 1);
    default:
      return value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2);
  }
}

/** How one registration writes a name: script, romanisation, particles, known variants. */
function renderName(rng: Rng, name: string, style: Style, scheme: Record<string, string>): string {
  if (name === '') return name;
  if (style === 'slavic') return rng.chance(0.05) ? name : romaniseCyrillic(name, scheme);
  if (style === 'turkish') {
    if (rng.chance(0.3)) return name;
    let out = '';
    for (const char of name) out += TURKISH_ASCII[char] ? rng.pick(TURKISH_ASCII[char]!) : char;
    return out;
  }
  const variants = VARIANT_OF.get(name);
  let rendered = variants && rng.chance(0.35) ? rng.pick(variants) : name;
  if (/^(AL|EL)-/.test(rendered) && rng.chance(0.4)) {
    const rest = rendered.slice(3);
    rendered = rng.pick([`AL ${rest}`, `EL-${rest}`, `AL${rest}`, rest, `EL ${rest}`]);
  }
  return rendered;
}

function formatDate(date: Person['dateOfBirth']): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function varyDate(rng: Rng, date: Person['dateOfBirth'], system: OriginSystem): string {
  const missingRate = system === 'EURODAC' || system === 'SIS' ? 0.06 : 0.02;
  if (rng.chance(missingRate)) return '';
  let { year, month, day } = date;
  const roll = rng.next();
  if (roll < 0.04 && day > 0) day = 0;
  else if (roll < 0.06) [month, day] = [0, 0];
  else if (roll < 0.09 && day > 0 && day <= 12) [month, day] = [day, month];
  else if (roll < 0.13) {
    const digits = typo(rng, formatDate({ year, month, day }).replace(/-/g, ''));
    const reparsed = /^(\d{4})(0\d|1[0-2])([0-2]\d|3[01])$/.exec(digits);
    if (reparsed && !(reparsed[2] === '00' && reparsed[3] !== '00'))
      return `${reparsed[1]}-${reparsed[2]}-${reparsed[3]}`;
  } else if (roll < 0.15) year += rng.chance(0.5) ? 1 : -1;
  else if (roll < 0.17) [month, day] = [1, 1];
  return formatDate({ year, month, day });
}

const OCR_SWAPS: Record<string, string> = {
  '0': 'O',
  O: '0',
  '1': 'I',
  I: '1',
  '5': 'S',
  S: '5',
  '8': 'B',
  B: '8',
  '2': 'Z',
  Z: '2',
};

function varyDocument(rng: Rng, person: Person, system: OriginSystem, passports: string[]): string {
  const missingRate = { EURODAC: 0.6, SIS: 0.3, ECRIS_TCN: 0.35, EES: 0.02, VIS: 0.02, ETIAS: 0 }[system];
  if (rng.chance(missingRate)) return '';
  if (rng.chance(0.3)) passports.push(randomPassport(rng));
  let number = passports[passports.length - 1] ?? person.passport;
  if (rng.chance(0.05)) {
    const positions = [...number].flatMap((char, i) => (OCR_SWAPS[char] ? [i] : []));
    if (positions.length > 0) {
      const i = rng.pick(positions);
      number = number.slice(0, i) + OCR_SWAPS[number[i]!]! + number.slice(i + 1);
    }
  } else if (rng.chance(0.03)) number = typo(rng, number);
  return number;
}

function recordOf(
  rng: Rng,
  person: Person,
  system: OriginSystem,
  passports: string[],
): Omit<SyntheticRecord, 'recordId'> {
  const scheme = rng.pick(CYRILLIC_SCHEMES);
  const { style } = person.region;
  let givenNames = person.givenNames.map((name) => renderName(rng, name, style, scheme));
  if (givenNames.length > 1 && rng.chance(0.15)) givenNames = givenNames.slice(0, 1);
  let given = givenNames.join(style === 'chinese' && rng.chance(0.5) ? '' : ' ');
  let surname = renderName(rng, person.surname, style, scheme);
  if (style === 'hispanic' && surname.includes(' ') && rng.chance(0.3)) surname = surname.split(' ')[0]!;
  if (rng.chance(0.07)) surname = typo(rng, surname);
  if (rng.chance(0.07)) given = typo(rng, given);
  if (rng.chance(style === 'chinese' ? 0.2 : 0.04)) [surname, given] = [given, surname];
  else if (rng.chance(0.02) && surname !== '') [surname, given] = [`${given} ${surname}`, ''];
  if (rng.chance(0.03)) surname = surname.replace(/-/g, ' ');
  const nationalities = person.nationalities.filter((_, i) => i === 0 || rng.chance(0.6));
  return {
    clusterId: person.clusterId,
    system,
    surname,
    givenNames: given,
    dateOfBirth: varyDate(rng, person.dateOfBirth, system),
    sex: rng.chance(0.04) ? '' : person.sex,
    nationality: rng.chance(0.05) ? '' : nationalities.join(';'),
    placeOfBirth: rng.chance(0.45) ? '' : renderName(rng, person.placeOfBirth, style, scheme),
    documentNumber: varyDocument(rng, person, system, passports),
  };
}

const RECORD_COUNT_WEIGHTS = [0, 0.35, 0.3, 0.17, 0.1, 0.05, 0.03];

function recordCount(rng: Rng): number {
  let roll = rng.next();
  for (const [count, weight] of RECORD_COUNT_WEIGHTS.entries()) {
    roll -= weight;
    if (roll < 0) return count;
  }
  return RECORD_COUNT_WEIGHTS.length - 1;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export interface GenerateOptions {
  people: number;
  seed: number;
  /** Share of people who get a twin (a separate person). */
  twinRate?: number;
  /** Share of people who get a namesake (a separate person). */
  namesakeRate?: number;
}

/** People (including hard negatives) and their records, shuffled; `clusterId` identifies the person. */
export function generatePeople({
  people,
  seed,
  twinRate = 0.03,
  namesakeRate = 0.05,
}: GenerateOptions): SyntheticRecord[] {
  const rng = createRng(seed);
  const persons: Person[] = [];
  const nextId = () => `P${String(persons.length + 1).padStart(7, '0')}`;
  while (persons.length < people) {
    const person = newPerson(rng, nextId());
    persons.push(person);
    if (persons.length < people && rng.chance(twinRate)) persons.push(twinOf(rng, person, nextId()));
    if (persons.length < people && rng.chance(namesakeRate)) persons.push(namesakeOf(rng, person, nextId()));
  }
  const records = persons.flatMap((person) => {
    const passports = [person.passport];
    const systems = shuffle(rng, [...ORIGIN_SYSTEMS]).slice(0, recordCount(rng));
    return systems.map((system) => recordOf(rng, person, system, passports));
  });
  return shuffle(rng, records).map((record, i) => ({
    recordId: `R${String(i + 1).padStart(8, '0')}`,
    ...record,
  }));
}
