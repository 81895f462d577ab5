/**
 * The English catalogue: the reference every other catalogue must match key for key.
 * `{name}` marks a value filled in at run time; every translation keeps the same placeholders.
 */
export const en = {
  'site.name': 'Your data in the EU border and migration systems',
  'site.skip': 'Skip to main content',
  'site.language': 'Language',
  'site.menu': 'Portal pages',
  'site.footer':
    'Public portal under Article 49 of Regulations (EU) 2019/817 and 2019/818. It needs no account and keeps nothing in your browser.',
  'nav.rights': 'Your rights',
  'nav.authorities': 'Authorities',
  'nav.request': 'Make a request',
  'nav.follow': 'Follow a request',

  'rights.title': 'Your rights regarding the Multiple-Identity Detector',
  'rights.intro':
    'If you have received a letter about a red or white link, or if you think that the EU border and migration systems hold data about you, this page explains what you can ask for and how.',
  'rights.mid.heading': 'What is the Multiple-Identity Detector?',
  'rights.mid.what':
    'The Multiple-Identity Detector (MID) is an EU system. It compares the data recorded about non-EU nationals in the EU systems for borders, visas, travel authorisations, asylum, police cooperation and criminal records. When two records may belong to the same person, it creates a link between them.',
  'rights.mid.colours':
    'An officer of a national authority checks the links that are unclear. A white link means that the records belong to the same person, legitimately. A green link means that they belong to different people with similar data. A red link means that the authority found that identity data were used unlawfully, for example one person under two different names.',
  'rights.mid.letter':
    'When a red or white link concerns you, you are normally told in writing, with your single identification number and the authority responsible for the check.',
  'rights.what.heading': 'What you can ask for',
  'rights.access.term': 'Access',
  'rights.access.text': 'Find out whether the MID holds data about you, and receive a copy.',
  'rights.rectification.term': 'Rectification',
  'rights.rectification.text':
    'Have wrong data corrected, for example a wrong date of birth, or a link that joins your records with those of another person.',
  'rights.erasure.term': 'Erasure',
  'rights.erasure.text': 'Have data deleted that were recorded unlawfully.',
  'rights.free':
    'A request is free of charge. You can send it to any of the countries listed on this portal, not only to the one that checked the link.',
  'rights.how.heading': 'How it works',
  'rights.how.form':
    'Fill in the request form on this portal, or write to the authority of one of the countries listed.',
  'rights.how.reference':
    'You receive a reference and an access code straight away. Keep both: with them you can follow your request here.',
  'rights.how.identity':
    'The authority checks your identity. Until it has done so, it does not say whether any data about you exist.',
  'rights.how.examine':
    'The authority examines your request. Data that are wrong or were recorded unlawfully are corrected or deleted, in the MID and in the system they came from.',
  'rights.how.answer':
    'You receive a written answer. If the authority refuses, it explains why and how you can challenge its decision.',
  'rights.deadlines.heading': 'Deadlines',
  'rights.deadlines.answer': 'The authority must answer within {days} days of receiving your request.',
  'rights.deadlines.extension':
    'If the request is complex, or if there are many requests, it may extend this period by {extra} days. It must then tell you so, with the reasons, within the first {days} days.',
  'rights.identity.heading': 'Proving your identity',
  'rights.identity.why':
    'Data about you may be shown only to you, so the authority first checks who you are. It contacts you at the e-mail or postal address you give, and asks for a copy of an identity document or asks you to come in person.',
  'rights.identity.same':
    'Until your identity has been checked, every request gets the same reply, whether or not there are data about you. This protects you if someone else makes a request in your name.',
  'rights.identity.use':
    'The information you give to identify yourself is used only for your request, and deleted afterwards.',
  'rights.representative.heading': 'If someone acts for you',
  'rights.representative.who':
    'A lawyer, a relative, a guardian or an organisation that helps migrants can make the request for you. They need:',
  'rights.representative.own': 'their own name and how to contact them;',
  'rights.representative.mandate':
    'your written authorisation (a mandate) signed by you, or a document showing that they are your legal representative;',
  'rights.representative.subject': 'the information that identifies you, as in the request form.',
  'rights.representative.check': 'The authority checks both your identity and the mandate.',
  'rights.disagree.heading': 'If you disagree with the answer',
  'rights.disagree.text':
    'You can complain to the data protection authority of the country concerned, or take the matter to a court of that country.',

  'authorities.title': 'Authorities in each country',
  'authorities.intro':
    'You can send your request to any of these countries. For each country, the list gives the national data protection authority: it supervises how the authorities use the MID, and can tell you which office handles requests.',
  'authorities.eu': 'EU Member States',
  'authorities.associated': 'Countries associated with Schengen',
  'authorities.country': 'Country',
  'authorities.authority': 'Authority',
  'authorities.website': 'Website',
  'authorities.source': 'Source: {source}. Compiled on {date}.',

  'request.title': 'Make a request',
  'request.intro':
    'Give as much as you can to identify the person concerned: the single identification number if there is one, otherwise the surname and date of birth at least.',
  'request.type.legend': 'What do you want to ask for?',
  'request.type.access': 'Access: a copy of the data',
  'request.type.rectification': 'Rectification: correct the data',
  'request.type.erasure': 'Erasure: delete the data',
  'request.lodgedWith.label': 'Country you are sending the request to',
  'request.lodgedWith.hint': 'You can choose any country in the list.',
  'request.language.label': 'Language of the answer',
  'request.subject.legend': 'The person the request is about',
  'request.sin.label': 'Single identification number',
  'request.sin.hint': 'It is on the letter about a link, and starts with SIN-.',
  'request.surname.label': 'Surname',
  'request.givenNames.label': 'Given names',
  'request.dateOfBirth.label': 'Date of birth',
  'request.dateOfBirth.hint': 'Year-month-day, for example 1990-04-25. Write 00 for an unknown day or month.',
  'request.nationality.label': 'Nationality',
  'request.nationality.hint': 'The three-letter code in the passport, for example UKR or SYR.',
  'request.documentNumber.label': 'Travel document number',
  'request.documentNumber.hint': 'For example the passport number.',
  'request.details.label': 'More details',
  'request.details.hint': 'What should be corrected or deleted, and why. At most {max} characters.',
  'request.details.count': '{count} of {max} characters',
  'request.contact.legend': 'How can the authority contact you?',
  'request.contact.hint': 'Give at least one: an e-mail address or a postal address.',
  'request.email.label': 'E-mail address',
  'request.postalAddress.label': 'Postal address',
  'request.representative.toggle': 'I am making this request for someone else, as their representative',
  'request.representative.legend': 'The representative',
  'request.representative.name': 'Your name',
  'request.representative.mandate': 'Your mandate',
  'request.representative.mandateHint':
    'For example "signed authorisation of 3 May 2026" or "guardian appointed by a court". The authority will ask for a copy.',
  'request.choose': 'Choose…',
  'request.optional': '(optional)',
  'request.submit': 'Send the request',
  'request.sending': 'Sending…',
  'request.done.title': 'Your request has been received',
  'request.done.reference': 'Reference',
  'request.done.accessCode': 'Access code',
  'request.done.keep':
    'Write down or print the reference and the access code now. You need both to follow your request, and the access code cannot be shown again.',
  'request.done.next':
    'The authority will contact you to check your identity. It must answer within {days} days of {date}.',
  'request.done.follow': 'Follow this request',
  'request.done.print': 'Print this page',
  'request.another': 'Make another request',

  'follow.title': 'Follow a request',
  'follow.intro': 'Enter the reference and the access code you received when you sent your request.',
  'follow.reference': 'Reference',
  'follow.referenceHint': 'It starts with DSR-.',
  'follow.accessCode': 'Access code',
  'follow.submit': 'Show the status',
  'follow.notFound': 'No request matches this reference and access code. Check both and try again.',
  'follow.status': 'Status',
  'follow.type': 'Request',
  'follow.receivedAt': 'Received on',
  'follow.deadline': 'Answer due by',
  'follow.extension': 'The deadline was extended. Reason: {reason}',
  'follow.answer': 'Answer',
  'follow.answeredAt': 'Answered on {date}',
  'follow.noAnswer': 'There is no answer yet.',
  'follow.decision': 'Decision',
  'follow.data': 'The data found about you',
  'decision.granted': 'Granted',
  'decision.refused': 'Refused',

  'status.identity-verification-pending': 'Waiting for proof of identity',
  'status.in-progress': 'Being examined',
  'status.answered': 'Answered',

  'errors.title': 'There is a problem',
  'errors.required': 'Fill in this field.',
  'errors.type': 'Choose what you want to ask for.',
  'errors.lodgedWith': 'Choose a country from the list.',
  'errors.language': 'Choose a language from the list.',
  'errors.subject.singleIdentificationNumber':
    'Enter the single identification number as it is written on the letter, starting with SIN-.',
  'errors.subject.surname': 'Enter the surname, or give the single identification number.',
  'errors.subject.givenNames': 'Check the given names.',
  'errors.subject.dateOfBirth':
    'Enter the date of birth as year-month-day, for example 1990-04-25, or give the single identification number.',
  'errors.subject.nationality': 'Enter the three-letter nationality code, for example UKR.',
  'errors.subject.documentNumber': 'Enter the document number with letters and digits only.',
  'errors.details': 'Shorten the details to at most {max} characters.',
  'errors.contact.email':
    'Enter an e-mail address such as name@example.org, or give a postal address instead.',
  'errors.contact.postalAddress': 'Check the postal address.',
  'errors.representative.name': "Enter the representative's name.",
  'errors.representative.mandate': 'Describe the mandate.',
  'errors.field': 'Check this field.',
  'errors.rateLimited': 'Too many requests have been sent from your connection. Please try again {when}.',
  'errors.rateLimitedLater': 'Too many requests have been sent from your connection. Please try again later.',
  'errors.unreachable': 'The service cannot be reached at the moment. Please try again later.',
  'errors.server': 'The service could not handle this (error {status}). Please try again later.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
