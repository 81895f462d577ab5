import { ORIGIN_SYSTEMS, type OriginSystem } from '../../functions/shared/systems';

/**
 * Synthetic third-country nationals and their records across the origin systems, for the demo
 * data, the tests and the linkage benchmark. Deterministic for a seed. The population model
 * (docs/mid-matching.md, "Synthetic data", with the sources and assumptions of every rate):
 *
 * - nine naming regions, each with hundreds of surnames and given names composed from
 *   real-world-plausible name elements (no real person is described), drawn with a Zipf-like
 *   skew: a few names are very common, most are rare; namesakes arise from that skew;
 * - naming customs: patronymic surnames (Horn of Africa), feminine Slavic surnames and
 *   patronymics, two surnames (Latin America), two-syllable Chinese given names, mononyms,
 *   placeholder birth dates;
 * - birth years from an age structure (mostly young adults, some children);
 * - fields missing per origin system as their legal bases make them optional or absent;
 * - hard negatives: twins (per-region twinning rates, two thirds of them of the same sex) and
 *   siblings; namesakes with close birth dates come from the name skew, not forced;
 * - within one person: other transliterations, typos, swapped name groups, dropped middle names,
 *   partial, swapped and placeholder dates, new passports, OCR errors, missing fields, and,
 *   rarely, another first name or a mistyped sex.
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
  /** Issuer of the travel document (the person's first nationality, even where `nationality` is missing); '' without one. */
  documentCountry: string;
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

/**
 * A name pool with Zipf-like (Zipf-Mandelbrot) frequencies: the name of rank r (from 1) weighs
 * 1 / (r + offset)^exponent. The offset flattens the head (the commonest names are a few per
 * cent each, not a fifth of the population).
 */
export interface NamePool {
  names: readonly string[];
  /** Cumulative probabilities, same order as `names`. */
  cumulative: Float64Array;
}

export function zipfPool(names: readonly string[], { exponent, offset }: Skew): NamePool {
  const weights = names.map((_, rank) => 1 / (rank + 1 + offset) ** exponent);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cumulative = new Float64Array(names.length);
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight / total;
    cumulative[i] = sum;
  });
  return { names, cumulative };
}

export function drawName(rng: Rng, pool: NamePool): string {
  const roll = rng.next();
  let low = 0;
  let high = pool.names.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pool.cumulative[mid]! < roll) low = mid + 1;
    else high = mid;
  }
  return pool.names[low]!;
}

/** Words of a pool written as one string; `_` joins the words of one multi-word name. */
const words = (text: string): string[] =>
  text
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/_/g, ' '));

/** Every head followed by every tail (`+` in a tail marks where the head ends: `+A`, `+EDDINE`). */
function compose(heads: string, tails: string, join = ''): string[] {
  const out: string[] = [];
  for (const head of words(heads)) for (const tail of words(tails)) out.push(`${head}${join}${tail}`);
  return out;
}

/**
 * Ranked pool: the listed common names first (in the order given, most frequent first), then the
 * composed names in a fixed pseudo-random order (the same for every seed), duplicates removed.
 */
function ranked(common: readonly string[], composed: readonly string[], skew: Skew): NamePool {
  const order = createRng(0x5eed);
  const tail = [...composed];
  for (let i = tail.length - 1; i > 0; i--) {
    const j = order.int(i + 1);
    [tail[i], tail[j]] = [tail[j]!, tail[i]!];
  }
  return zipfPool([...new Set([...common, ...tail])], skew);
}

type Style =
  | 'arabic'
  | 'slavic'
  | 'turkish'
  | 'south-asian'
  | 'west-african'
  | 'horn'
  | 'chinese'
  | 'hispanic'
  | 'persian';

interface Region {
  style: Style;
  /** Share of the population from this region (assumption, docs/mid-matching.md). */
  weight: number;
  nationalities: readonly string[];
  cities: readonly string[];
  male: NamePool;
  female: NamePool;
  surnames: NamePool;
  /** Share of people whose registered date of birth is a placeholder (01-01 or unknown parts). */
  placeholderRate: number;
  /** Share of people with no family name (a single name registered as surname). */
  mononymRate: number;
  /** Twin deliveries per delivery (Monden, Pison & Smits 2021). */
  twinningRate: number;
}

export interface Skew {
  exponent: number;
  offset: number;
}

/** Given names: the commonest 6-9% of a region's people (MOHAMMED, ALEKSANDR, JOSE...). */
const GIVEN: Skew = { exponent: 1, offset: 3 };
/** Surnames: the commonest 4-6% of a region's people; the Chinese 7% (WANG). */
const SURNAME: Skew = { exponent: 1, offset: 5 };
const CHINESE: Skew = { exponent: 1, offset: 3 };

const ARABIC_MALE = words(
  'MOHAMMED AHMED ALI MAHMOUD OMAR HASSAN HUSSEIN YOUSSEF KHALED IBRAHIM ABDULLAH MUSTAFA KARIM SAMI TAREK WALID RAMI NABIL JAMAL FAISAL SALEH MUNIR ZIAD BASSAM ADNAN HAMZA BILAL ANAS TAHA SULEIMAN AMIR HADI FADI MAJED NASSER RASHID SAMIR YASSER ZAKARIA ISMAIL IDRIS ILYAS MAHDI RIAD SOUFIANE HICHAM REDA AYMAN OSAMA ISSA MOUSSA YAHYA YOUNES ADAM SALIM HAMID NAJIB HABIB LATIF AZIZ HAKIM JALAL KAMAL BADR FOUAD GHASSAN HAITHAM HAZEM HISHAM IMAD IYAD JIHAD KHALIL LOUAY MAHER MAROUANE MOHANNAD MUAYAD NIZAR QASSEM RABIH RAED SAAD SABER SAIF SALAH SHADI TAMER WAEL WASSIM YAZAN ZAID ZOUHAIR OTHMAN MANSOUR DARWISH HAMDAN SHARIF AMMAR ANWAR ASHRAF AYOUB BAKR DIYAB EMAD FARES FAROUK GHAZI HAMADA HATEM JABER JAWAD KHAIRI LUTFI MAMOUN MARWAN MOUNIR NADER NAIM OKBA QAIS RAMADAN SAID SHAKER TALAL TAWFIQ USAMA ZUHAIR',
);
const ARABIC_ATTRIBUTES =
  'AZIZ KARIM RAHMAN RAHIM HAMID MALEK LATIF WAHAB HAKIM JALIL GHANI SALAM RAZAK KADER MAJID BASIT QADIR HADI FATTAH HAFIZ MOUNIM NASSER SATTAR HALIM WADOUD ILAH';
const ARABIC_FEMININE_ROOTS =
  'KARIM JAMIL NABIL SAMIR AMIR FARID HALIM RAHIM NAJIB SALIM HAKIM MALIK NAZIH WAHIB FADIL KHALID RASHID SAID HAMID RADI NAIM LATIF AZIZ SABIR JALIL MUNIR BASIM HAKIM WASIM NASIM';
const SLAVIC_MALE = words(
  'АЛЕКСАНДР СЕРГЕЙ ДМИТРИЙ АНДРЕЙ АЛЕКСЕЙ МАКСИМ ЕВГЕНИЙ ИВАН МИХАИЛ НИКОЛАЙ ЮРИЙ ВИКТОР ОЛЕГ ВАДИМ АРТЁМ ДЕНИС ВЛАДИМИР ИГОРЬ КИРИЛЛ ЯРОСЛАВ АНТОН РОМАН ПАВЕЛ ВЛАДИСЛАВ КОНСТАНТИН ТИМУР РУСЛАН ИЛЬЯ ЕГОР НИКИТА ДАНИИЛ МАТВЕЙ СТАНИСЛАВ ГЕННАДИЙ ВАЛЕРИЙ ВАСИЛИЙ ГРИГОРИЙ ЛЕОНИД ВЯЧЕСЛАВ АНАТОЛИЙ БОРИС ФЁДОР СТЕПАН ТАРАС БОГДАН ВИТАЛИЙ ПЕТР ГЕОРГИЙ ЭДУАРД АРКАДИЙ ЕМЕЛЬЯН ФИЛИПП ЛЕВ ГЛЕБ ЯКОВ ЗАХАР ПЛАТОН НАЗАР ОСТАП ВСЕВОЛОД РОСТИСЛАВ СВЯТОСЛАВ АРСЕНИЙ ТИМОФЕЙ САВВА НУРЛАН АЙДАР БАХЫТ ЕРЛАН АСКАР ДАНИЯР РУСТАМ ФАРХОД ШЕРЗОД ДИЛШОД БЕКЗОД ЖАСУР АЗАМАТ БАУЫРЖАН КАНАТ МАРАТ АРМАН ТАЛГАТ АЙБЕК УЛАН ЭРКИН',
);
const SLAVIC_FEMALE = words(
  'ЕЛЕНА ОЛЬГА НАТАЛЬЯ ТАТЬЯНА ЮЛИЯ АННА ИРИНА СВЕТЛАНА МАРИЯ ЕКАТЕРИНА ОКСАНА ЛЮДМИЛА ДАРЬЯ КСЕНИЯ ЯНА ЖАННА ВИКТОРИЯ АНАСТАСИЯ АЛИНА ПОЛИНА ВАЛЕНТИНА ГАЛИНА НАДЕЖДА ЛАРИСА МАРИНА ВЕРА ЛЮБОВЬ АЛЛА НИНА ЗОЯ ЛИДИЯ ЕВГЕНИЯ СОФИЯ АЛЁНА ВАЛЕРИЯ ДИАНА КРИСТИНА ВЕРОНИКА УЛЬЯНА АРИНА ЛИЛИЯ РАИСА ТАМАРА ИННА ИЛОНА ЗЛАТА СОЛОМИЯ ГАННА ОЛЕСЯ ХРИСТИНА АЙГУЛЬ ГУЛЬНАРА ДИНАРА САУЛЕ ЖАНАР АСЕЛЬ НИГОРА ДИЛНОЗА ШАХНОЗА МАДИНА КАМИЛА АЙЖАН ГУЛЬМИРА МАЛИКА ЗАРИНА',
);
const SLAVIC_SURNAMES = words(
  'ИВАНОВ СМИРНОВ КУЗНЕЦОВ ПОПОВ ВАСИЛЬЕВ ПЕТРОВ СОКОЛОВ МИХАЙЛОВ НОВИКОВ ФЁДОРОВ МОРОЗОВ ВОЛКОВ АЛЕКСЕЕВ ЛЕБЕДЕВ СЕМЁНОВ ЕГОРОВ ПАВЛОВ КОЗЛОВ СТЕПАНОВ НИКОЛАЕВ ОРЛОВ АНДРЕЕВ МАКАРОВ ЗАХАРОВ ЗАЙЦЕВ СОЛОВЬЁВ БОРИСОВ ЯКОВЛЕВ ГРИГОРЬЕВ ШЕВЧЕНКО КОВАЛЕНКО БОНДАРЕНКО ТКАЧЕНКО КРАВЧЕНКО МЕЛЬНИК БОЙКО КОВАЛЬЧУК ПОЛИЩУК САВЧУК ЖУКОВ ЩЕРБАКОВ',
);
const SLAVIC_ROOTS_OV =
  'БЕЛ ЧЕРН СОРОК ГОЛУБ КРЫЛ ТИХОН АНТОН ДЕНИС ФИЛИПП КИРИЛЛ ГРОМ РЫБАК КОМАР ЖДАН ДОРОФЕ ЕФИМ ЛАЗАР МИРОН НАЗАР ПРОХОР САВЕЛЬ ТАРАС ФОМИЧ ХОХЛ ЦАР ЧИЖ ШАРАП ЯРОСЛАВ БОГДАН ВЛАС ГЛЕБ ДАНИЛ ЕРМАК ЖИЛ КАРП КРУГЛ ЛОБ МАЛ НОС ПОПК РОДИОН СЕДЫХ ТОЛСТ УСТИН ФРОЛ ХАРИТОН ШУБ ЮДИН';
const SLAVIC_ROOTS_EV =
  'МЕДВЕД ГУС ПОЛЯК СЕРГЕ МАТВЕ ВОРОБЬ ДЕМЕНТЬ ГОРДЕ КОНДРАТЬ ЛЕОНТЬ ТИМОФЕ АРСЕНЬ ЮРЬ ЗУ КОВАЛ';
const SLAVIC_ROOTS_IN =
  'ПУШК ЛАП ИЛЬ ФОМ НИКИТ КУЗЬМ ЗИМ ГАЛК ЕРЁМ КАЛИН СИНИЦ ЩУК БЕЛК ЛИСИЦ СОРОК ТРОИЦ ПТИЦ КОРОВ';
const SLAVIC_ROOTS_ENKO =
  'ПЕТР ИВАН ЛЫС ДЕМЧ ГОНЧАР МАРЧ ПАНЧ САВЧ ЯРЕМ ЛЕВЧ КУЗЬМ КИРИЛ ОНИЩ НАЗАР ФЕДОР ТИМОШ РУДЕ';
const SLAVIC_ROOTS_UK = 'МЕЛЬНИЧ ГРИЦ СТЕФАН ДМИТР ОНИЩ ФЕДОР КОСТ ЮРЧ ЛЕВЧ ПАВЛ МАРТИН ВАСИЛЬ КОЗ ДЕМ';
const SLAVIC_ROOTS_SKY =
  'КОВАЛЬ ЗАВАДЬ ВИШНЕВ ОСТРОВ ЛЕВИЦ ЯВОР ГРАБОВ ДУБРОВ ЗАРЕЦ КАМЕН ПОЛЯН РАДЕЦ СОСНОВ ЛИПОВ';
const CENTRAL_ASIAN_ROOTS_OV =
  'АХМЕД РАХИМ КАРИМ ЮСУП ИСМАИЛ НАЗАР ХАМИД УСМАН САИД РАШИД АЛИМ МАХМУД НУРМАТ ТОКТОГУЛ ЖУМАБАЙ СУЛТАН ЭРГАШ ТАШМАТ ХОДЖА ЮЛДАШ БАКИР САДЫК ИБРАГИМ КАСЫМ МУРАТ РУСТАМ ШАРИП АБДУЛЛА';
const TURKISH_MALE = words(
  'MEHMET MUSTAFA AHMET ALİ HÜSEYİN HASAN İBRAHİM İSMAİL OSMAN YUSUF MURAT ÖMER EMRE BURAK ÇAĞLAR GÖKHAN SERKAN ŞENOL RAMAZAN HALİL SÜLEYMAN ABDULLAH MAHMUT RECEP FATİH KEMAL ORHAN ERKAN VOLKAN TOLGA CEM CAN EMİR KAAN BERK EFE ARDA YİĞİT ENES FURKAN UMUT ONUR SİNAN TUNCAY HAKAN METİN SELÇUK CENGİZ ERDAL HAYDAR İLHAN KADİR LEVENT NECATİ OĞUZ RIZA SAVAŞ TANER UĞUR VEYSEL YAVUZ ZEKİ BAYRAM DURSUN ENGİN FERHAT GÜRKAN HAMZA İLKER KORAY MESUT NİHAT OKAN SERDAR TAYFUN ÜMİT YASİN',
);
const TURKISH_FEMALE = words(
  'FATMA AYŞE EMİNE HATİCE ZEYNEP ELİF MERVE ÖZLEM GÜLSÜM ŞERİFE SEVGİ DİLEK BÜŞRA ÇİĞDEM HANİFE ZEHRA MELEK YASEMİN ESRA KÜBRA SEDA TUĞBA GAMZE AYLİN DERYA EBRU GÜLAY HÜLYA NURAY PINAR SİBEL TÜLAY ZELİHA ASLI BERNA CANAN DUYGU FİLİZ GÖNÜL İPEK NAZLI SEVİM SONGÜL ŞULE TUBA YELİZ AYŞEGÜL NURCAN GÜLSEREN MELTEM NESLİHAN BETÜL ECE DEFNE AZRA ELA NİSA İREM',
);
const TURKISH_SURNAMES = words(
  'YILMAZ KAYA DEMİR ŞAHİN ÇELİK YILDIZ YILDIRIM ÖZTÜRK AYDIN ÖZDEMİR ARSLAN DOĞAN KILIÇ ASLAN ÇETİN KARA KOÇ KURT ÖZKAN ŞİMŞEK POLAT ÜNAL GÜNEŞ ERDOĞAN',
);
const TURKISH_SURNAME_HEADS =
  'ÖZ KARA AK YIL GÖK AY ER DEMİR TAŞ KAYA ŞEN ÇELİK ALTIN TOP KOÇ GÜL BOZ SARI ULU TÜRK ASLAN DOĞAN KURT KILIÇ BAŞ YÜCE TEK GÜVEN KOCA UZUN';
const TURKISH_SURNAME_TAILS =
  'TÜRK KAN DEMİR TAŞ KAYA OĞLU ER CAN TEKİN ALP SOY DAĞ GÜL KURT ASLAN ÇELİK OK BAŞ YÜREK ELİ DAL TEPE KOL BAY ÇAY';
const SOUTH_ASIAN_MALE = words(
  'MOHAMMAD MUHAMMAD RAJESH AMIT SANJAY IMRAN ASIF RAHUL VIKRAM ARJUN SURESH HARPREET GURPREET TARIQ USMAN BILAL ZAHID RAVI ANIL DEEPAK NAVEED ALI AHMED HASSAN ABDUL RAMESH MAHESH DINESH MUKESH RAKESH VIJAY AJAY MANOJ SUNIL ASHOK PRAKASH KIRAN SANDEEP PRADEEP RAJU SHAHID KHALID FAISAL WAQAS ADNAN KAMRAN IRFAN SHAHZAD SAJID NADEEM ARSHAD JAVED RASHID SALMAN HAMZA AMIR NASIR RAFIQ KARIM RAHIM JAHANGIR SHAKIL MAMUN RUBEL SHAHIN SUMON ROBIUL NIRMAL KAMAL NUWAN CHAMINDA KASUN SAMAN BISHNU RAM KRISHNA HARI GANESH SURAJ PRAVEEN VINOD',
);
const SIKH_HEADS = 'GUR HAR MAN JAS SUKH AMAR KUL PARAM NAV BAL RAJ INDER KAMAL JAGJ DAL';
const SIKH_TAILS = 'PREET JEET DEEP VINDER INDER JOT WANT BIR';
const SOUTH_ASIAN_FEMALE = words(
  'PRIYA SUNITA ANJALI FATIMA AYESHA NADIA SHABANA REKHA POOJA KAVITA NASREEN SHAZIA RUKHSANA LAKSHMI DIVYA SAIMA SADIA ASMA FARZANA NAZIA SAMINA RABIA MARIAM ZAINAB SANA HINA AMNA IQRA MAHNOOR ANITA GEETA SEEMA NEHA RITU SONIA MEENA USHA SAVITA KAMALA RADHA SITA PARVATI DEEPIKA SHREYA NISHA RUMANA SHIRIN NUSRAT TAHMINA SHAMIMA SHARMIN NASIMA RAHIMA KHADIJA NILANTHI CHAMARI DILRUKSHI SANDYA SARITA GITA',
);
const SOUTH_ASIAN_SURNAMES = words(
  'KHAN SINGH KUMAR AHMED ALI SHARMA PATEL HUSSAIN MALIK CHAUDHRY RAHMAN ISLAM HOSSAIN QURESHI BUTT GUPTA REDDY NAIR PERERA FERNANDO SHRESTHA GURUNG CHOWDHURY MIAH BEGUM VERMA SHAH DESAI MEHTA JOSHI RAO PILLAI MENON IYER YADAV MISHRA PANDEY TIWARI DUBEY SRIVASTAVA SAXENA AGARWAL JAIN BANSAL GOYAL KAPOOR KHANNA MALHOTRA ARORA BHATIA SETHI GILL SANDHU SIDHU DHILLON GREWAL BRAR BAJWA CHEEMA RAJA SHEIKH MIRZA SIDDIQUI ANSARI JAFRI RIZVI ABBASI AWAN JATOI LEGHARI MEMON BALOCH AFRIDI YOUSAFZAI UDDIN AKTER KHATUN SARKAR DAS ROY BISWAS MONDAL HALDER SAHA PAUL GHOSH BOSE MUKHERJEE CHATTERJEE BANERJEE SILVA THAPA TAMANG RAI MAGAR ADHIKARI POUDEL BHATTARAI KHADKA BASNET KARKI LAMA',
);
const SINHALA_HEADS = 'WICKRAMA JAYA GUNA RANA SENA DISSA WEERA KARUNA SAMARA ABEY EKANAYA HERATH RAJAPA';
const SINHALA_TAILS = 'SINGHE SEKARA WARDENE RATNE NAYAKE TUNGA KOON';
const WEST_AFRICAN_MALE = words(
  'MOHAMED MAMADOU IBRAHIMA MOUSSA SEKOU OUSMANE ABDOULAYE AMADOU BOUBACAR ALPHA ALIOU CHEIKH MODOU LAMINE SALIF SOULEYMANE YAYA KWAME KOFI KWABENA KWAKU YAW KOJO EMMANUEL SAMUEL DANIEL JOSEPH JOHN PETER PAUL DAVID MICHAEL FRANCIS PATRICE JEAN-PIERRE JEAN-CLAUDE JEAN-BAPTISTE SERGE HERVE ARMAND CHUKWUEMEKA EMEKA CHIDI OBINNA IKENNA UCHENNA NNAMDI KELECHI CHINEDU IFEANYI ADEBAYO OLUWASEUN TUNDE KUNLE FEMI SEGUN DAYO WALE MUSA SANI ABUBAKAR ALIYU BELLO UMARU GARBA YUSUF',
);
const YORUBA_HEADS = 'OLU ADE OLA OYE AYO BABA TOLU FOLA';
const YORUBA_TAILS = 'WASEUN BAYO TUNDE KUNLE YEMI DELE WALE FEMI MIDE SOLA DAYO JIDE';
const IGBO_HEADS = 'CHI OBI NNA EME UCHE IFE';
const IGBO_TAILS = 'NEDU KA DIKE BUIKE NONSO MA OMA NNA';
const WEST_AFRICAN_FEMALE = words(
  'AMINATA FATOUMATA HAWA MARIAMA NGOZI CHIAMAKA ADAEZE FOLAKE AWA KADIATOU AKOSUA ABENA GRACE MARIAM AISSATOU RAMATOULAYE KHADY BINETA NDEYE ASTOU COUMBA DIARRA OUMOU ROKIA SALIMATA ADJOA AMA AFUA YAA ESI EFUA BLESSING PRECIOUS PATIENCE MERCY FAITH JOY ESTHER RUTH MARIE CHANTAL ODETTE SOLANGE GISELE CHIOMA NKECHI IFEOMA AMAKA ADAOBI FUNMILAYO BUKOLA TITILAYO YETUNDE KEMI AISHA ZAINAB HADIZA HALIMA',
);
const WEST_AFRICAN_SURNAMES = words(
  'DIALLO BARRY SOW BAH TRAORE KEITA COULIBALY KONATE KONE CAMARA TOURE CISSE SYLLA DIARRA DIOP NDIAYE FALL FAYE GUEYE SECK MBAYE SARR DIOUF BA KANE SY THIAM DIENG DIAGNE NIANG JALLOW CEESAY JOBE SANNEH TOURAY MENSAH OWUSU ASANTE BOATENG ANSAH APPIAH AMOAH OSEI ADJEI DARKO AGYEMAN OPOKU ACHEAMPONG FRIMPONG OKONKWO OKAFOR ADEBAYO OLAWALE ABDULLAHI OKEKE EZE NWOSU OKORO OBI IBRAHIM BELLO MUSA ABUBAKAR ADEYEMI OGUNDIPE ADEWALE BABATUNDE OYELARAN MBUYI KABONGO ILUNGA MUKENDI TSHIBANDA KALALA NGOY KASONGO LUKUSA MUTOMBO NSIMBA MAKIESE FOTSO TCHOUA NKOULOU MBARGA ETOUNDI ATANGANA ONANA ESSOMBA KOUAME KOUASSI KONAN YAO KOFFI NGUESSAN AKA',
);
const HORN_MALE = words(
  'MOHAMED ABDI AHMED ALI HASSAN ABDULLAHI OMAR YUSUF IBRAHIM ISMAIL MOHAMUD FARAH ADAN HUSSEIN ABDIRAHMAN ABDIRASHID ABDIKARIM ABDIQADIR ABDIWALI MUSE JAMA HIRSI WARSAME ISSE GEDI NUR AWALE DAHIR SHIRE ELMI OSMAN DUALE GUREY SAMATAR YONAS DAWIT TESFAYE SOLOMON MIKAEL YOHANNES BEREKET FILMON MERHAWI SEMERE HABTOM TEKLE GEBRE HAILE WOLDE TESFAMARIAM GHEBREMEDHIN KIDANE AMANUEL BINIAM HENOK ROBEL EYOB NATNAEL ABEL ERMIAS FITSUM GIRMAY TEWOLDE MEKONNEN BEKELE ALEMU GETACHEW TADESSE ASSEFA KEBEDE DEMISSIE WONDIMU',
);
const ETHIOPIAN_HEADS = 'GEBRE HAILE WOLDE TESFA TEKLE GHEBRE KIDANE HABTE';
const ETHIOPIAN_TAILS = 'MARIAM SELASSIE MICHAEL GIORGIS YOHANNES MEDHIN LEUL EGZIABHER KIDAN AB TSION';
const HORN_FEMALE = words(
  'FADUMO HODAN SAHRA FILSAN AMINA ASHA HALIMO KHADIJA MARYAN NASRA SAGAL SAMIRA UBAH DEEQA HIBO IFRAH LEYLA MUNA NIMO QAALI RUQIYA SUAD ZAMZAM HAMDI IKRAN SELAM HELEN MERON SABA LULIT SENAIT MEKDES TSEGA RAHEL HIWOT BETELHEM LIDYA TIGIST ALMAZ BIRTUKAN GENET MEAZA SELAMAWIT YORDANOS FREWEINI WINTA ELSA YOHANA ABEBA AZIEB TSIGE',
);
const CHINESE_SURNAMES = words(
  'WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE LIN GAO LUO ZHENG LIANG XIE SONG TANG HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG PAN YUAN CAI JIANG YU DU YE CHENG WEI SU LU DING REN YAO SHEN ZHONG CUI TAN FAN LIAO SHI JIN JIA XIA FU FANG ZOU XIONG BAI MENG QIN QIU HOU YIN XUE YAN DUAN LEI LONG TAO MAO HAO GU GONG SHAO WAN QIAN DAI OU MO KONG XIANG CHANG KANG WEN NIU YI HONG ZHUANG XING QI LAI GE JI WEN ZHAN GUAN LAN',
);
const CHINESE_MALE_SYLLABLES = words(
  'WEI JUN HAO MING QIANG LEI JIAN PENG TAO YONG ZHI JIE BO YU HUA PING GANG HUI XIN LIANG FENG KAI TIAN YANG LONG CHAO RUI HONG XIAO ZI HAN YI JIA DONG LIN WEN BIN NING SHENG GUO CHENG HAI KANG LE AN ZHEN JIN SONG XU RONG FEI',
);
const CHINESE_FEMALE_SYLLABLES = words(
  'FANG LI NA JING YAN XIU MEI LING HUI YING XIAO JIA YU TONG SHUANG XIN YI HONG JUAN QIAN LAN YUN XUE ZI HAN QING WEN TING LU DAN JIE PING XIA YUE SI MENG SHU HUA ZHEN CHUN LIN WEI NAN LEI QIU RUI XI',
);
const HISPANIC_MALE = words(
  'JOSE JUAN CARLOS LUIS JORGE MIGUEL ANGEL ANDRES DIEGO ALEJANDRO FERNANDO JAVIER RICARDO EDUARDO SEBASTIAN NICOLAS DAVID DANIEL MANUEL PEDRO FRANCISCO ANTONIO JESUS RAFAEL RAUL SERGIO OSCAR MARIO HECTOR CESAR VICTOR ROBERTO ALBERTO ENRIQUE ARTURO GUSTAVO JULIO HUGO RAMON FELIPE GABRIEL SANTIAGO MATEO SAMUEL EMILIO IGNACIO RODRIGO ALVARO GONZALO ESTEBAN CRISTIAN JHON WILSON EDWIN FREDDY WILLIAM JAIRO HERNAN ORLANDO RUBEN ISMAEL ERNESTO ARMANDO ALFREDO GERARDO MAURICIO NESTOR ELIAS FABIAN YEFERSON BRAYAN KEVIN',
);
const HISPANIC_FEMALE = words(
  'MARIA ANA CARMEN LAURA PAOLA DANIELA VALENTINA GABRIELA ALEJANDRA CAROLINA ANDREA NATALIA XIMENA LUCIA CAMILA SOFIA ISABEL ROSA PATRICIA SANDRA MONICA CLAUDIA DIANA ADRIANA LILIANA MARTHA GLORIA BLANCA TERESA JULIANA MARIANA FERNANDA VANESSA KAREN YESENIA YOLANDA LUZ ESPERANZA GUADALUPE BEATRIZ SILVIA ELENA VERONICA LORENA ANGELA JESSICA JENNIFER LEIDY YURI NATHALIA ROCIO PILAR DOLORES CONSUELO MERCEDES INES AMPARO ELIZABETH STEFANY MILAGROS',
);
const HISPANIC_SURNAMES = words(
  'GARCIA RODRIGUEZ GONZALEZ HERNANDEZ LOPEZ MARTINEZ PEREZ SANCHEZ RAMIREZ TORRES FLORES RIVERA GOMEZ DIAZ REYES MORALES CRUZ ORTIZ GUTIERREZ CHAVEZ RAMOS VARGAS CASTILLO JIMENEZ MORENO ROJAS MENDOZA FERNANDEZ ALVAREZ ROMERO RUIZ SUAREZ MUNOZ CASTRO ORTEGA RUBIO MOLINA DELGADO NAVARRO MEDINA AGUILAR HERRERA VEGA CAMPOS GUERRERO CORTES SALAZAR LUNA CONTRERAS SOTO ESTRADA FIGUEROA CARDENAS MEJIA MARIN OSORIO VALENCIA ZAPATA ARIAS PATINO QUINTERO OSPINA GIRALDO BETANCOURT LONDONO VELASQUEZ CARDONA RESTREPO AGUIRRE VILLA PINEDA ACOSTA ROJO PACHECO SALINAS ESPINOZA QUISPE MAMANI HUAMAN CONDORI CHOQUE TICONA APAZA FLORES_DE_LA_CRUZ DE_LA_CRUZ DE_LEON DEL_VALLE DE_LA_TORRE SANTOS NUNEZ PENA CABRERA IBARRA CARRILLO LEON PADILLA ROSALES SOLIS ESCOBAR BARRERA LARA PAREDES ZAMORA SERRANO CORDOBA MIRANDA VALDEZ BENITEZ MALDONADO SANDOVAL FUENTES CARRASCO TAPIA AYALA GALLEGO BUSTAMANTE ARAUJO URIBE ECHEVERRI JARAMILLO',
);
const PERSIAN_MALE = words(
  'MOHAMMAD AHMAD ALI REZA HAMID MAHMOUD NASIR JAVAD HOSSEIN ABDUL SAYED MORTEZA MEHDI SHER KHALID FARID JAWAD HASSAN AMIR OMID SAEED MAJID HAMED VAHID BEHROUZ DAVOOD KAZEM MASOUD MOHSEN NADER PARVIZ RAMIN SIAVASH KAMRAN ARASH BABAK DARIUSH FARHAD HOMAYOUN KOUROSH MANSOUR NAVID PEYMAN ROSTAM SHAHRAM YOUSEF ZIA WAHID RAHIM KARIM JAMSHID GHULAM NOOR FAZAL SHAFIQ RAFIQ TARIQ ZAHIR BASHIR NAJIB QADIR RASHID SAMI WALI SHAH MIRWAIS AJMAL',
);
const PERSIAN_ULLAH =
  'ZABIH NAJIB ASAD HABIB RAHMAT SAMI KHALIL AMAN ATA EHSAN FAZL HAMD HEDAYAT HIKMAT INAYAT KARAM NASR NEMAT RAHIM SAIF SANA SHUKR WALI ZIA';
const PERSIAN_FEMALE = words(
  'FATEMEH ZAHRA MARYAM SHABNAM FARZANA NILOUFAR PARISA SOMAYEH ROYA LAILA MALALAI SHAIMA ZARGHONA MINA SHIRIN ZAINAB MASOUMEH MAHSA NEGAR SARA ELHAM LEILA MAHNAZ AZAM AZADEH BAHAR FERESHTEH GOLNAZ HAMIDEH KHADIJEH LALEH MOZHGAN NAHID NARGES PARVANEH RAHELEH SAHAR SIMIN TAHMINEH YASAMAN ZOHREH NAZANIN ARIANA FARIBA FATIMA GULALAI HABIBA HOMA KHATERA MADINA MARZIA MURSAL NADIA NAJIBA NASRIN PASHTANA RAZIA SAKINA SHAKILA SHUKRIA SOHAILA TAHIRA WAZHMA ZAKIA ZARMINA',
);
const PERSIAN_SURNAMES = words(
  'AHMADI MOHAMMADI HOSSEINI KARIMI RAHIMI HAIDARI NOORI AHMADZAI POPAL STANIKZAI SAFI RAZAVI MOUSAVI JAFARI SADEGHI REZAEI TAHERI AMINI YOUSUFZAI WARDAK NAZARI HAKIMI HASHEMI GHORBANI SALEHI MORADI KAZEMI EBRAHIMI NAJAFI HABIBI ZAREI AKBARI SOLTANI RASOULI SHARIFI ALAVI BAGHERI QASEMI MIRZAEI AZIZI FAROOQI NIAZI DURRANI BARAKZAI POPALZAI ALIKOZAI NOORZAI ACHAKZAI KAKAR MOHMAND SHINWARI MANGAL ZADRAN JADRAN HOTAK SAMADI OMARI RAHMANI FAIZI',
);
const PERSIAN_ROOTS =
  'AHMAD MOHAMMAD HOSSEIN ALI HASAN REZA KARIM RAHIM JAFAR SADEGH TAHER AMIN NAZAR HAKIM HASHEM GHORBAN SALEH MORAD KAZEM EBRAHIM NAJAF HABIB ZARE AKBAR SOLTAN RASOUL SHARIF BAGHER QASEM MIRZA AZIZ YOUSEF ABBAS MAHMOUD MOSTAFA JAVAD MEHDI TEHRAN ESFAHAN SHIRAZ TABRIZ KERMAN YAZD KABUL HERAT';

const SURNAME_NISBA =
  'HALABI SHAMI MASRI BAGHDADI HOMSI DIMASHQI TIKRITI MOSULI BASRI FALLUJI ANSARI HASHIMI QURASHI TAMIMI SHAMMARI DULAIMI JUBOURI OBEIDI ZUBAIDI ANBARI KUBAISI AZZAWI SAMARRAI HUSSEINI QADIRI RIFAI TARABULSI YAFAWI NABULSI KHALILI MAQDISI HAURANI IDLIBI RAQQAWI DARAWI';
const SURNAME_TRADES =
  'NAJJAR HADDAD KHAYAT SABBAGH HALLAK TAHHAN ATTAR JAZZAR SAFFAR QASSAB BANNA DABBAGH NAHHAS FAKHOURY ZAYYAT SAMMAN KHABBAZ HALWANI SARRAF JAMMAL HAMMAL';

const REGIONS: readonly Region[] = [
  {
    style: 'arabic',
    weight: 0.2,
    nationalities: ['SYR', 'IRQ', 'EGY', 'MAR', 'DZA', 'TUN', 'LBY', 'JOR', 'LBN', 'YEM', 'SDN', 'PSE'],
    cities: words(
      'DAMASCUS ALEPPO HOMS HAMA LATAKIA IDLIB DEIR_EZ-ZOR BAGHDAD MOSUL BASRA ERBIL KIRKUK NAJAF CAIRO ALEXANDRIA GIZA ASYUT TANTA CASABLANCA FES RABAT TANGIER MARRAKECH OUJDA ORAN ALGIERS CONSTANTINE SETIF TUNIS SFAX SOUSSE TRIPOLI BENGHAZI MISRATA AMMAN ZARQA IRBID BEIRUT SIDON SANAA ADEN TAIZ KHARTOUM OMDURMAN GAZA HEBRON NABLUS',
    ),
    male: ranked(
      ARABIC_MALE,
      [
        ...compose('ABDEL ABDUL', ARABIC_ATTRIBUTES),
        ...compose('NOUR SALAH KHEIR ALA IZZ BADR NASR SAIF FAKHR JAMAL TAJ ZINE SHAMS NAJM SIRAJ', 'EDDINE'),
      ],
      GIVEN,
    ),
    female: ranked(
      words(
        'FATIMA AISHA MARIAM KHADIJA ZEINAB LAYLA NOUR HIBA RANIA SALMA AMINA YASMIN HANAN SUAD DINA RIM WAFA SAMIRA LINA HUDA ASMA NADIA SARA RANA MAYSA HALA GHADA RASHA LAMA SANA IMANE KHAWLA NAWAL SIHAM HAYAT NAIMA LATIFA MALIKA ZAHRA WIDAD OUMAIMA SOUMAYA IKRAM HAJAR KAWTAR CHAIMAE NISRINE LOUBNA BOUCHRA RAJAA SAFAA NAJAT RAWAN SHAHD JOUD TALA REEM DANA LEEN AYA ALAA DOAA ESRAA NADA MAHA MONA NOHA HEBA MAI SHAIMAA AMAL BASMA',
      ),
      compose(ARABIC_FEMININE_ROOTS, 'A'),
      GIVEN,
    ),
    surnames: ranked(
      words(
        'AL-HASSAN AL-AHMAD HADDAD KHALIL NASSER SALEH MANSOUR HAMDAN ABDELRAHMAN EL-SAYED BENALI OTHMAN AL-RASHID DARWISH KHOURY AL-MASRI YOUNES CHAOUI BENSAID AZIZ HAMADI AL-TIKRITI QASSEM ZAHRAN SHARIF',
      ),
      [
        ...compose('AL-', SURNAME_NISBA),
        ...words(SURNAME_NISBA),
        ...words(SURNAME_TRADES),
        ...compose('AL-', SURNAME_TRADES),
        ...ARABIC_MALE.slice(0, 80),
        ...compose('AL-', ARABIC_MALE.slice(0, 40).join(' ')),
        ...compose(
          'BEN',
          'ALI SAID MOUSSA AMAR AHMED YOUSSEF SALAH OMAR HAMOU AISSA ABDALLAH SLIMANE KACEM ZIANE TALEB',
        ),
        ...compose(
          'BOU',
          'ZID AZIZ KHALFA SAADA CHAIB ALLAG RAS GHAZI HAMIDI AMRANE ZIANE DJEMAA TALEB HAFS KERROUM',
        ),
        ...compose('ABU', ARABIC_MALE.slice(0, 25).join(' '), ' '),
      ],
      SURNAME,
    ),
    placeholderRate: 0.12,
    mononymRate: 0,
    twinningRate: 0.012,
  },
  {
    style: 'slavic',
    weight: 0.12,
    nationalities: ['RUS', 'UKR', 'BLR', 'KAZ', 'KGZ', 'UZB', 'MDA', 'SRB', 'GEO', 'TJK'],
    cities: words(
      'МОСКВА ХАРЬКОВ КИЕВ ОДЕССА МИНСК ГОМЕЛЬ АЛМАТЫ БИШКЕК ТАШКЕНТ КИШИНЕВ ЛЬВОВ ДНЕПР ВОРОНЕЖ САМАРА КАЗАНЬ ЧЕЛЯБИНСК НОВОСИБИРСК ЕКАТЕРИНБУРГ ПЕРМЬ УФА РОСТОВ ЗАПОРОЖЬЕ ВИННИЦА ПОЛТАВА ЧЕРНИГОВ БРЕСТ ГРОДНО ВИТЕБСК КАРАГАНДА ШЫМКЕНТ ОШ САМАРКАНД БУХАРА НАМАНГАН БЕЛГРАД ТБИЛИСИ КУТАИСИ',
    ),
    male: ranked(SLAVIC_MALE, [], GIVEN),
    female: ranked(SLAVIC_FEMALE, [], GIVEN),
    surnames: ranked(
      SLAVIC_SURNAMES,
      [
        ...compose(SLAVIC_ROOTS_OV, 'ОВ'),
        ...compose(SLAVIC_ROOTS_EV, 'ЕВ'),
        ...compose(SLAVIC_ROOTS_IN, 'ИН'),
        ...compose(SLAVIC_ROOTS_ENKO, 'ЕНКО'),
        ...compose(SLAVIC_ROOTS_UK, 'УК'),
        ...compose(SLAVIC_ROOTS_SKY, 'СКИЙ'),
        ...compose(CENTRAL_ASIAN_ROOTS_OV, 'ОВ'),
      ],
      SURNAME,
    ),
    placeholderRate: 0.01,
    mononymRate: 0,
    twinningRate: 0.012,
  },
  {
    style: 'turkish',
    weight: 0.1,
    nationalities: ['TUR'],
    cities: words(
      'İSTANBUL ANKARA İZMİR BURSA ADANA GAZİANTEP KONYA DİYARBAKIR ŞANLIURFA MERSİN KAYSERİ ESKİŞEHİR ANTALYA SAMSUN TRABZON MALATYA ERZURUM VAN BATMAN MARDİN SİVAS KAHRAMANMARAŞ HATAY ELAZIĞ',
    ),
    male: ranked(TURKISH_MALE, [], GIVEN),
    female: ranked(TURKISH_FEMALE, [], GIVEN),
    surnames: ranked(TURKISH_SURNAMES, compose(TURKISH_SURNAME_HEADS, TURKISH_SURNAME_TAILS), SURNAME),
    placeholderRate: 0.02,
    mononymRate: 0,
    twinningRate: 0.012,
  },
  {
    style: 'south-asian',
    weight: 0.14,
    nationalities: ['IND', 'PAK', 'BGD', 'LKA', 'NPL'],
    cities: words(
      'MUMBAI DELHI KOLKATA CHENNAI BANGALORE PUNE AHMEDABAD JAIPUR LUCKNOW PATNA LAHORE KARACHI PESHAWAR RAWALPINDI FAISALABAD MULTAN GUJRANWALA SIALKOT QUETTA DHAKA CHITTAGONG SYLHET KHULNA RAJSHAHI COLOMBO KANDY JAFFNA KATHMANDU POKHARA AMRITSAR LUDHIANA JALANDHAR HYDERABAD',
    ),
    male: ranked(SOUTH_ASIAN_MALE, compose(SIKH_HEADS, SIKH_TAILS), GIVEN),
    female: ranked(SOUTH_ASIAN_FEMALE, compose(SIKH_HEADS, 'PREET JEET DEEP JOT LEEN'), GIVEN),
    surnames: ranked(SOUTH_ASIAN_SURNAMES, compose(SINHALA_HEADS, SINHALA_TAILS), SURNAME),
    placeholderRate: 0.06,
    mononymRate: 0.05,
    twinningRate: 0.01,
  },
  {
    style: 'west-african',
    weight: 0.08,
    nationalities: ['NGA', 'GIN', 'SEN', 'MLI', 'CIV', 'GHA', 'CMR', 'COD', 'GMB', 'BFA'],
    cities: words(
      'LAGOS ABUJA KANO IBADAN BENIN_CITY PORT_HARCOURT ENUGU CONAKRY KANKAN DAKAR THIES TOUBA BAMAKO KAYES ABIDJAN BOUAKE ACCRA KUMASI TAMALE DOUALA YAOUNDE BAMENDA KINSHASA LUBUMBASHI GOMA BANJUL SEREKUNDA OUAGADOUGOU BOBO-DIOULASSO',
    ),
    male: ranked(
      WEST_AFRICAN_MALE,
      [...compose(YORUBA_HEADS, YORUBA_TAILS), ...compose(IGBO_HEADS, IGBO_TAILS)],
      GIVEN,
    ),
    female: ranked(
      WEST_AFRICAN_FEMALE,
      compose('OLU ADE OLA FOLA TITI', 'WASEUN KEMI BUNMI YINKA TOYIN FUNKE'),
      GIVEN,
    ),
    surnames: ranked(
      WEST_AFRICAN_SURNAMES,
      [
        ...compose(YORUBA_HEADS, YORUBA_TAILS),
        ...compose(IGBO_HEADS, IGBO_TAILS),
        ...compose('OKON OKAF OKEK OKOR ONYE NWAN', 'KWO OR E O EKWE CHUKWU'),
      ],
      SURNAME,
    ),
    placeholderRate: 0.2,
    mononymRate: 0.02,
    twinningRate: 0.018,
  },
  {
    // Somali, Eritrean and Ethiopian naming: the "surname" is the father's given name (and often
    // the grandfather's after it), so namesakes are common and come from the given-name pool.
    style: 'horn',
    weight: 0.05,
    nationalities: ['SOM', 'ERI', 'ETH', 'SDN', 'DJI'],
    cities: words(
      'MOGADISHU HARGEISA KISMAYO BAIDOA GAROWE BOSASO ASMARA KEREN MASSAWA MENDEFERA ADDIS_ABABA GONDAR MEKELE DIRE_DAWA BAHIR_DAR JIMMA HAWASSA KHARTOUM KASSALA DJIBOUTI',
    ),
    male: ranked(HORN_MALE, compose(ETHIOPIAN_HEADS, ETHIOPIAN_TAILS), GIVEN),
    female: ranked(HORN_FEMALE, [], GIVEN),
    surnames: ranked(HORN_MALE, compose(ETHIOPIAN_HEADS, ETHIOPIAN_TAILS), GIVEN),
    placeholderRate: 0.2,
    mononymRate: 0.01,
    twinningRate: 0.017,
  },
  {
    style: 'chinese',
    weight: 0.1,
    nationalities: ['CHN'],
    cities: words(
      'BEIJING SHANGHAI GUANGZHOU SHENZHEN CHENGDU WUHAN XIAN NANJING HANGZHOU CHONGQING TIANJIN WENZHOU FUZHOU QINGDAO DALIAN SHENYANG HARBIN CHANGSHA ZHENGZHOU JINAN KUNMING XIAMEN NINGBO SUZHOU HEFEI NANCHANG',
    ),
    male: zipfPool(CHINESE_MALE_SYLLABLES, CHINESE),
    female: zipfPool(CHINESE_FEMALE_SYLLABLES, CHINESE),
    surnames: zipfPool(CHINESE_SURNAMES, CHINESE),
    placeholderRate: 0.01,
    mononymRate: 0,
    twinningRate: 0.008,
  },
  {
    style: 'hispanic',
    weight: 0.11,
    nationalities: [
      'COL',
      'VEN',
      'PER',
      'ECU',
      'BOL',
      'HND',
      'SLV',
      'DOM',
      'CUB',
      'MEX',
      'ARG',
      'PRY',
      'NIC',
      'GTM',
    ],
    cities: words(
      'BOGOTA MEDELLIN CALI BARRANQUILLA CARTAGENA BUCARAMANGA CARACAS MARACAIBO VALENCIA BARQUISIMETO LIMA AREQUIPA TRUJILLO CUSCO QUITO GUAYAQUIL CUENCA LA_PAZ SANTA_CRUZ COCHABAMBA TEGUCIGALPA SAN_PEDRO_SULA SAN_SALVADOR SANTO_DOMINGO SANTIAGO LA_HABANA MONTERREY GUADALAJARA PUEBLA ROSARIO CORDOBA ASUNCION MANAGUA GUATEMALA',
    ),
    male: ranked(HISPANIC_MALE, [], GIVEN),
    female: ranked(HISPANIC_FEMALE, [], GIVEN),
    surnames: ranked(HISPANIC_SURNAMES, [], SURNAME),
    placeholderRate: 0.01,
    mononymRate: 0,
    twinningRate: 0.009,
  },
  {
    style: 'persian',
    weight: 0.1,
    nationalities: ['AFG', 'IRN', 'TJK'],
    cities: words(
      'KABUL HERAT KANDAHAR MAZAR-I-SHARIF JALALABAD KUNDUZ GHAZNI BAMYAN KHOST LASHKAR_GAH TEHRAN MASHHAD ISFAHAN SHIRAZ TABRIZ KARAJ QOM AHVAZ KERMANSHAH ZAHEDAN DUSHANBE KHUJAND',
    ),
    male: ranked(PERSIAN_MALE, compose(PERSIAN_ULLAH, 'ULLAH'), GIVEN),
    female: ranked(PERSIAN_FEMALE, [], GIVEN),
    surnames: ranked(
      PERSIAN_SURNAMES,
      [
        ...compose(PERSIAN_ROOTS, 'I ZADEH POUR NEJAD'),
        ...compose('AHMAD MOHAMMAD YOUSUF OMAR ISMAIL SULEIMAN MUSA DAUD', 'ZAI KHEL'),
      ],
      SURNAME,
    ),
    placeholderRate: 0.25,
    mononymRate: 0.08,
    twinningRate: 0.012,
  },
];

const REGION_CUMULATIVE = (() => {
  const total = REGIONS.reduce((sum, region) => sum + region.weight, 0);
  let sum = 0;
  return REGIONS.map((region) => (sum += region.weight / total));
})();

function drawRegion(rng: Rng): Region {
  const roll = rng.next();
  const i = REGION_CUMULATIVE.findIndex((cumulative) => roll < cumulative);
  return REGIONS[i < 0 ? REGIONS.length - 1 : i]!;
}

/** Pool sizes and skew, for the docs and the tests: per region, names and the top name's share. */
export function namePoolStatistics() {
  const describe = (pool: NamePool) => {
    let coincidence = 0;
    let previous = 0;
    for (const c of pool.cumulative) {
      coincidence += (c - previous) ** 2;
      previous = c;
    }
    return {
      names: pool.names.length,
      topShare: Number(pool.cumulative[0]!.toFixed(3)),
      coincidence: Number(coincidence.toFixed(4)),
    };
  };
  return REGIONS.map((region) => ({
    style: region.style,
    male: describe(region.male),
    female: describe(region.female),
    surnames: describe(region.surnames),
  }));
}

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

const CITY_POOLS = new Map(
  REGIONS.map((region) => [region, zipfPool(region.cities, { exponent: 1, offset: 1 })]),
);

/** Western names some Chinese nationals register as first name in one system and not another. */
const ADOPTED_NAMES = words(
  'KEVIN DAVID JACK TONY ERIC PETER JASON LEO SAM VICTOR AMY LUCY ANNA GRACE LILY CINDY HELEN JENNY ALICE VIVIAN',
);

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

/** What family members share: the family name (masculine form) and the father's given name. */
interface Family {
  region: Region;
  familyName: string;
  father: string;
  nationalities: string[];
  placeOfBirth: string;
}

function randomPassport(rng: Rng): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return `${rng.pick([...letters])}${rng.pick([...letters])}${String(rng.int(10_000_000)).padStart(7, '0')}`;
}

/** Reference year of the ages. */
const REFERENCE_YEAR = 2025;
/** Age structure (assumption, docs/mid-matching.md): [from, to) and share. */
const AGE_BANDS: ReadonlyArray<readonly [number, number, number]> = [
  [0, 18, 0.14],
  [18, 35, 0.46],
  [35, 55, 0.3],
  [55, 85, 0.1],
];

function birthYear(rng: Rng): number {
  let roll = rng.next();
  for (const [from, to, share] of AGE_BANDS) {
    if (roll < share) return REFERENCE_YEAR - from - rng.int(to - from);
    roll -= share;
  }
  return REFERENCE_YEAR - 30;
}

function dateIn(rng: Rng, region: Region, year: number): Person['dateOfBirth'] {
  if (rng.chance(region.placeholderRate)) {
    return rng.pick([
      { year, month: 1, day: 1 },
      { year, month: 0, day: 0 },
      { year, month: 7, day: 1 },
    ]);
  }
  return { year, month: 1 + rng.int(12), day: 1 + rng.int(28) };
}

/** Russian, Ukrainian, Belarusian surnames in -ОВ/-ЕВ/-ИН/-СКИЙ take a feminine form. */
function feminineSurname(surname: string): string {
  if (/(ОВ|ЕВ|ЁВ|ИН)$/.test(surname)) return `${surname}А`;
  if (/СКИЙ$/.test(surname)) return `${surname.slice(0, -2)}АЯ`;
  return surname;
}

/** East Slavic patronymic of a father's given name. */
function patronymic(father: string, sex: 'M' | 'F'): string {
  const [male, female] = ['ОВИЧ', 'ОВНА'];
  if (/[ЙЬ]$/.test(father)) return `${father.slice(0, -1)}${sex === 'M' ? 'ЕВИЧ' : 'ЕВНА'}`;
  if (/[АЯ]$/.test(father)) return `${father.slice(0, -1)}${sex === 'M' ? 'ИЧ' : 'ИЧНА'}`;
  return `${father}${sex === 'M' ? male : female}`;
}

function newFamily(rng: Rng, region: Region = drawRegion(rng)): Family {
  const nationalities = [rng.pick(region.nationalities)];
  if (rng.chance(0.08))
    nationalities.push(rng.pick(['GBR', 'USA', 'CAN', 'TUR', 'FRA', 'RUS', 'ARE', 'SAU']));
  let familyName = drawName(rng, region.surnames);
  if (region.style === 'hispanic' && rng.chance(0.85))
    familyName = `${familyName} ${drawName(rng, region.surnames)}`;
  const father = drawName(rng, region.male);
  if (region.style === 'horn')
    familyName = rng.chance(0.4) ? `${father} ${drawName(rng, region.male)}` : father;
  return {
    region,
    familyName,
    father,
    nationalities,
    placeOfBirth: drawName(rng, CITY_POOLS.get(region)!),
  };
}

function firstName(rng: Rng, region: Region, sex: 'M' | 'F', avoid: readonly string[] = []): string {
  const pool = sex === 'M' ? region.male : region.female;
  for (let attempt = 0; attempt < 30; attempt++) {
    const name =
      region.style === 'chinese'
        ? rng.chance(0.15)
          ? drawName(rng, pool)
          : `${drawName(rng, pool)} ${drawName(rng, pool)}`
        : drawName(rng, pool);
    if (!avoid.includes(name)) return name;
  }
  return drawName(rng, pool);
}

/** A member of a family: own sex, first name(s) and date of birth; the family's names and origins. */
function member(
  rng: Rng,
  family: Family,
  clusterId: string,
  sex: 'M' | 'F',
  dateOfBirth: Person['dateOfBirth'],
  avoid: readonly string[] = [],
): Person {
  const { region } = family;
  const givenNames = [firstName(rng, region, sex, avoid)];
  const secondNameRate = { arabic: 0.3, slavic: 0.3, hispanic: 0.4, 'south-asian': 0.2, chinese: 0 }[
    region.style as string
  ];
  if (rng.chance(secondNameRate ?? 0.15)) {
    if (region.style === 'slavic') givenNames.push(patronymic(family.father, sex));
    else if (region.style === 'arabic') givenNames.push(family.father);
    else givenNames.push(firstName(rng, region, sex, givenNames));
  }
  let surname = family.familyName;
  if (region.style === 'slavic' && sex === 'F') surname = feminineSurname(surname);
  if (region.style === 'south-asian' && sex === 'F' && surname === 'SINGH' && rng.chance(0.7))
    surname = 'KAUR';
  const mononym = rng.chance(region.mononymRate);
  return {
    clusterId,
    region,
    sex,
    givenNames: mononym ? [] : givenNames,
    surname: mononym ? givenNames[0]! : surname,
    dateOfBirth,
    nationalities: [...family.nationalities],
    placeOfBirth: family.placeOfBirth,
    passport: randomPassport(rng),
  };
}

function newPerson(rng: Rng, clusterId: string, family: Family = newFamily(rng)): Person {
  const sex = rng.chance(0.5) ? 'M' : 'F';
  return member(rng, family, clusterId, sex, dateIn(rng, family.region, birthYear(rng)));
}

/**
 * A twin: same family, same date of birth; same sex with the probability that follows from a
 * monozygotic rate of about 4 per 1000 deliveries (all same sex) and dizygotic twins (half same
 * sex); passports issued together (consecutive numbers) for half of them.
 */
function twinOf(rng: Rng, person: Person, family: Family, clusterId: string): Person {
  const rate = person.region.twinningRate;
  const sameSex = (0.004 + (rate - 0.004) / 2) / rate;
  const sex = rng.chance(sameSex) ? person.sex : person.sex === 'M' ? 'F' : 'M';
  const twin = member(rng, family, clusterId, sex, { ...person.dateOfBirth }, person.givenNames);
  if (rng.chance(0.5)) {
    const digits = Number(person.passport.slice(2)) + 1;
    twin.passport = `${person.passport.slice(0, 2)}${String(digits % 10_000_000).padStart(7, '0')}`;
  }
  return twin;
}

/** A brother or sister: same family, born 1-12 years apart. */
function siblingOf(rng: Rng, person: Person, family: Family, clusterId: string): Person {
  const gap = (1 + rng.int(12)) * (rng.chance(0.5) ? 1 : -1);
  const sex = rng.chance(0.5) ? 'M' : 'F';
  const date = dateIn(rng, family.region, Math.min(REFERENCE_YEAR, person.dateOfBirth.year + gap));
  return member(rng, family, clusterId, sex, date, person.givenNames);
}

/** A different person with the same name and nationality, born within three years (forced; off by default). */
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
  return name
    .split(' ')
    .map((word) => {
      const variants = VARIANT_OF.get(word);
      let rendered = variants && rng.chance(0.35) ? rng.pick(variants) : word;
      if (/^(AL|EL)-/.test(rendered) && rng.chance(0.4)) {
        const rest = rendered.slice(3);
        rendered = rng.pick([`AL ${rest}`, `EL-${rest}`, `AL${rest}`, rest, `EL ${rest}`]);
      }
      return rendered;
    })
    .join(' ');
}

function formatDate(date: Person['dateOfBirth']): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * Shares of records missing a field, per origin system (assumptions from the data each system's
 * legal basis makes mandatory; docs/mid-matching.md). EES takes identity data from the travel
 * document's MRZ and holds no place of birth.
 */
const MISSING: Record<
  OriginSystem,
  { date: number; sex: number; nationality: number; place: number; document: number }
> = {
  EES: { date: 0.002, sex: 0.005, nationality: 0.002, place: 1, document: 0 },
  VIS: { date: 0.002, sex: 0, nationality: 0.005, place: 0.03, document: 0.01 },
  ETIAS: { date: 0, sex: 0, nationality: 0, place: 0.01, document: 0 },
  EURODAC: { date: 0.03, sex: 0.01, nationality: 0.03, place: 0.4, document: 0.6 },
  SIS: { date: 0.08, sex: 0.05, nationality: 0.15, place: 0.5, document: 0.4 },
  ECRIS_TCN: { date: 0.01, sex: 0.01, nationality: 0.02, place: 0.1, document: 0.5 },
};

function varyDate(rng: Rng, date: Person['dateOfBirth'], system: OriginSystem): string {
  if (rng.chance(MISSING[system].date)) return '';
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
  if (rng.chance(MISSING[system].document)) return '';
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

/** Within one person, rare: registered under another first name (adopted, religious, translated). */
const OTHER_FIRST_NAME_RATE = 0.01;
/** Within one person, rare: sex keyed wrongly. */
const SEX_ERROR_RATE = 0.003;

function recordOf(
  rng: Rng,
  person: Person,
  system: OriginSystem,
  passports: string[],
): Omit<SyntheticRecord, 'recordId'> {
  const scheme = rng.pick(CYRILLIC_SCHEMES);
  const { style } = person.region;
  const missing = MISSING[system];
  let names = person.givenNames;
  if (names.length > 0 && rng.chance(OTHER_FIRST_NAME_RATE)) {
    const other =
      style === 'chinese' ? rng.pick(ADOPTED_NAMES) : firstName(rng, person.region, person.sex, names);
    names = [other, ...names.slice(1)];
  }
  let givenNames = names.map((name) => renderName(rng, name, style, scheme));
  if (givenNames.length > 1 && rng.chance(0.15)) givenNames = givenNames.slice(0, 1);
  let given = givenNames.join(' ');
  if (style === 'chinese') {
    const roll = rng.next();
    given = roll < 0.6 ? given.replace(/ /g, '') : roll < 0.7 ? given.replace(/ /g, '-') : given;
  }
  let surname = renderName(rng, person.surname, style, scheme);
  if ((style === 'hispanic' || style === 'horn') && surname.includes(' ') && rng.chance(0.3))
    surname = surname.split(' ')[0]!;
  if (rng.chance(0.07)) surname = typo(rng, surname);
  if (rng.chance(0.07)) given = typo(rng, given);
  if (rng.chance(style === 'chinese' ? 0.2 : 0.04)) [surname, given] = [given, surname];
  else if (rng.chance(0.02) && surname !== '') [surname, given] = [`${given} ${surname}`, ''];
  if (rng.chance(0.03)) surname = surname.replace(/-/g, ' ');
  const nationalities = person.nationalities.filter((_, i) => i === 0 || rng.chance(0.6));
  let sex: string = person.sex;
  if (rng.chance(SEX_ERROR_RATE)) sex = sex === 'M' ? 'F' : 'M';
  return {
    clusterId: person.clusterId,
    system,
    surname: surname.trim(),
    givenNames: given.trim(),
    dateOfBirth: varyDate(rng, person.dateOfBirth, system),
    sex: rng.chance(missing.sex) ? '' : sex,
    nationality: rng.chance(missing.nationality) ? '' : nationalities.join(';'),
    placeOfBirth: rng.chance(missing.place) ? '' : renderName(rng, person.placeOfBirth, style, scheme),
    ...documentOf(varyDocument(rng, person, system, passports), person),
  };
}

/** A document number with its issuer: the passports are the person's first nationality's. */
function documentOf(
  documentNumber: string,
  person: Person,
): Pick<SyntheticRecord, 'documentNumber' | 'documentCountry'> {
  return { documentNumber, documentCountry: documentNumber ? (person.nationalities[0] ?? '') : '' };
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
  /**
   * Share of people who get a twin in the data (a separate person). Default: the region's
   * twinning rate times `TWIN_PRESENT`, the assumed chance that the co-twin is registered too.
   */
  twinRate?: number;
  /** Share of people with a brother or sister in the data (a separate person). */
  siblingRate?: number;
  /** Share of people who get a forced namesake (same names, born within three years). Default 0. */
  namesakeRate?: number;
}

/** Chance that the co-twin of a registered twin is registered too (assumption). */
const TWIN_PRESENT = 0.5;
const SIBLING_RATE = 0.04;

/** People (including hard negatives) and their records, shuffled; `clusterId` identifies the person. */
export function generatePeople({
  people,
  seed,
  twinRate,
  siblingRate = SIBLING_RATE,
  namesakeRate = 0,
}: GenerateOptions): SyntheticRecord[] {
  const rng = createRng(seed);
  const persons: Person[] = [];
  const nextId = () => `P${String(persons.length + 1).padStart(7, '0')}`;
  while (persons.length < people) {
    const family = newFamily(rng);
    const person = newPerson(rng, nextId(), family);
    persons.push(person);
    // Twins: the share of births from twin deliveries is about twice the delivery rate.
    const twins = twinRate ?? 2 * family.region.twinningRate * TWIN_PRESENT;
    if (persons.length < people && rng.chance(twins)) persons.push(twinOf(rng, person, family, nextId()));
    if (persons.length < people && rng.chance(siblingRate))
      persons.push(siblingOf(rng, person, family, nextId()));
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
