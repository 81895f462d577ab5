/**
 * The offences for which a designated authority may consult the CIR (Art 22; Art 4(24)-(25)):
 * terrorist offences of Directive (EU) 2017/541 (Titles II and III) and the serious crimes of
 * Art 2(2) of Framework Decision 2002/584/JHA (the European Arrest Warrant list). Data, not code:
 * a consultation names one category by its key.
 */
export const TERRORIST_OFFENCES = {
  'terrorism:terrorist-offence': 'Terrorist offences (Directive (EU) 2017/541, Art 3)',
  'terrorism:terrorist-group': 'Offences relating to a terrorist group (Art 4)',
  'terrorism:public-provocation': 'Public provocation to commit a terrorist offence (Art 5)',
  'terrorism:recruitment': 'Recruitment for terrorism (Art 6)',
  'terrorism:providing-training': 'Providing training for terrorism (Art 7)',
  'terrorism:receiving-training': 'Receiving training for terrorism (Art 8)',
  'terrorism:travelling': 'Travelling for the purpose of terrorism (Art 9)',
  'terrorism:organising-travel': 'Organising or otherwise facilitating travelling for terrorism (Art 10)',
  'terrorism:financing': 'Terrorist financing (Art 11)',
  'terrorism:other-related': 'Other offences related to terrorist activities (Art 12)',
} as const;

/** The EAW list without its 'terrorism' entry, which the terrorist offences above detail. */
export const SERIOUS_CRIMES = {
  'serious:criminal-organisation': 'Participation in a criminal organisation',
  'serious:trafficking-human-beings': 'Trafficking in human beings',
  'serious:sexual-exploitation-children': 'Sexual exploitation of children and child pornography',
  'serious:drug-trafficking': 'Illicit trafficking in narcotic drugs and psychotropic substances',
  'serious:weapons-trafficking': 'Illicit trafficking in weapons, munitions and explosives',
  'serious:corruption': 'Corruption',
  'serious:fraud': 'Fraud, including that affecting the financial interests of the Union',
  'serious:money-laundering': 'Laundering of the proceeds of crime',
  'serious:counterfeiting-currency': 'Counterfeiting currency, including of the euro',
  'serious:computer-crime': 'Computer-related crime',
  'serious:environmental-crime': 'Environmental crime, including illicit trafficking in endangered species',
  'serious:facilitation-unauthorised-entry': 'Facilitation of unauthorised entry and residence',
  'serious:murder-grievous-bodily-injury': 'Murder, grievous bodily injury',
  'serious:organ-trafficking': 'Illicit trade in human organs and tissue',
  'serious:kidnapping-hostage-taking': 'Kidnapping, illegal restraint and hostage-taking',
  'serious:racism-xenophobia': 'Racism and xenophobia',
  'serious:organised-armed-robbery': 'Organised or armed robbery',
  'serious:cultural-goods-trafficking':
    'Illicit trafficking in cultural goods, including antiques and works of art',
  'serious:swindling': 'Swindling',
  'serious:racketeering-extortion': 'Racketeering and extortion',
  'serious:counterfeiting-piracy': 'Counterfeiting and piracy of products',
  'serious:forgery-administrative-documents': 'Forgery of administrative documents and trafficking therein',
  'serious:forgery-means-of-payment': 'Forgery of means of payment',
  'serious:hormonal-substances-trafficking':
    'Illicit trafficking in hormonal substances and other growth promoters',
  'serious:nuclear-radioactive-trafficking': 'Illicit trafficking in nuclear or radioactive materials',
  'serious:stolen-vehicles-trafficking': 'Trafficking in stolen vehicles',
  'serious:rape': 'Rape',
  'serious:arson': 'Arson',
  'serious:icc-crimes': 'Crimes within the jurisdiction of the International Criminal Court',
  'serious:unlawful-seizure-aircraft-ships': 'Unlawful seizure of aircraft or ships',
  'serious:sabotage': 'Sabotage',
} as const;

export const OFFENCE_CATEGORIES = [
  ...(Object.keys(TERRORIST_OFFENCES) as (keyof typeof TERRORIST_OFFENCES)[]),
  ...(Object.keys(SERIOUS_CRIMES) as (keyof typeof SERIOUS_CRIMES)[]),
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

export function offenceLabel(category: OffenceCategory): string {
  return (
    (TERRORIST_OFFENCES as Record<string, string>)[category] ??
    (SERIOUS_CRIMES as Record<string, string>)[category]!
  );
}
