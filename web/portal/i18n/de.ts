import type { Catalogue } from './en';

export const de: Catalogue = {
  'site.name': 'Ihre Daten in den EU-Systemen für Grenzen und Migration',
  'site.skip': 'Zum Hauptinhalt springen',
  'site.language': 'Sprache',
  'site.menu': 'Seiten des Portals',
  'site.footer':
    'Öffentliches Portal nach Artikel 49 der Verordnungen (EU) 2019/817 und 2019/818. Es braucht kein Konto und speichert nichts in Ihrem Browser.',
  'nav.rights': 'Ihre Rechte',
  'nav.authorities': 'Behörden',
  'nav.request': 'Antrag stellen',
  'nav.follow': 'Antrag verfolgen',

  'rights.title': 'Ihre Rechte gegenüber dem Detektor für Mehrfachidentitäten',
  'rights.intro':
    'Sie haben einen Brief über eine rote oder weiße Verknüpfung erhalten, oder Sie glauben, dass die EU-Systeme für Grenzen und Migration Daten über Sie enthalten? Diese Seite erklärt, was Sie verlangen können und wie.',
  'rights.mid.heading': 'Was ist der Detektor für Mehrfachidentitäten?',
  'rights.mid.what':
    'Der Detektor für Mehrfachidentitäten (MID) ist ein System der EU. Er vergleicht die Daten, die über Drittstaatsangehörige in den EU-Systemen für Grenzen, Visa, Reisegenehmigungen, Asyl, polizeiliche Zusammenarbeit und Strafregister gespeichert sind. Wenn zwei Datensätze zu derselben Person gehören könnten, verknüpft er sie.',
  'rights.mid.colours':
    'Unklare Verknüpfungen prüft ein Beamter einer nationalen Behörde. Eine weiße Verknüpfung bedeutet, dass die Datensätze rechtmäßig zu derselben Person gehören. Eine grüne Verknüpfung bedeutet, dass sie zu verschiedenen Personen mit ähnlichen Daten gehören. Eine rote Verknüpfung bedeutet, dass die Behörde eine unrechtmäßige Verwendung von Identitätsdaten festgestellt hat, zum Beispiel eine Person unter zwei verschiedenen Namen.',
  'rights.mid.letter':
    'Wenn eine rote oder weiße Verknüpfung Sie betrifft, werden Sie in der Regel schriftlich informiert, mit Ihrer einheitlichen Identifikationsnummer und der Behörde, die für die Prüfung zuständig ist.',
  'rights.what.heading': 'Was Sie verlangen können',
  'rights.access.term': 'Auskunft',
  'rights.access.text': 'Erfahren, ob der MID Daten über Sie enthält, und eine Kopie davon erhalten.',
  'rights.rectification.term': 'Berichtigung',
  'rights.rectification.text':
    'Falsche Daten korrigieren lassen, zum Beispiel ein falsches Geburtsdatum oder eine Verknüpfung Ihrer Datensätze mit denen einer anderen Person.',
  'rights.erasure.term': 'Löschung',
  'rights.erasure.text': 'Unrechtmäßig gespeicherte Daten löschen lassen.',
  'rights.free':
    'Der Antrag ist kostenlos. Sie können ihn an jedes der auf diesem Portal genannten Länder richten, nicht nur an das Land, das die Verknüpfung geprüft hat.',
  'rights.how.heading': 'So läuft es ab',
  'rights.how.form':
    'Füllen Sie das Antragsformular auf diesem Portal aus, oder schreiben Sie an die Behörde eines der genannten Länder.',
  'rights.how.reference':
    'Sie erhalten sofort ein Aktenzeichen und einen Zugangscode. Bewahren Sie beide auf: Damit können Sie Ihren Antrag hier verfolgen.',
  'rights.how.identity':
    'Die Behörde prüft Ihre Identität. Bis dahin sagt sie nicht, ob es Daten über Sie gibt.',
  'rights.how.examine':
    'Die Behörde prüft Ihren Antrag. Falsche oder unrechtmäßig gespeicherte Daten werden berichtigt oder gelöscht, im MID und in dem System, aus dem sie stammen.',
  'rights.how.answer':
    'Sie erhalten eine schriftliche Antwort. Lehnt die Behörde ab, erklärt sie die Gründe und wie Sie die Entscheidung anfechten können.',
  'rights.deadlines.heading': 'Fristen',
  'rights.deadlines.answer':
    'Die Behörde muss innerhalb von {days} Tagen nach Eingang Ihres Antrags antworten.',
  'rights.deadlines.extension':
    'Ist der Antrag komplex oder gibt es viele Anträge, kann sie diese Frist um {extra} Tage verlängern. Das muss sie Ihnen dann innerhalb der ersten {days} Tage mit den Gründen mitteilen.',
  'rights.identity.heading': 'Nachweis Ihrer Identität',
  'rights.identity.why':
    'Daten über Sie dürfen nur Ihnen gezeigt werden. Deshalb prüft die Behörde zuerst, wer Sie sind: Sie meldet sich unter der angegebenen E-Mail- oder Postanschrift und bittet um die Kopie eines Ausweisdokuments oder darum, persönlich vorbeizukommen.',
  'rights.identity.same':
    'Solange Ihre Identität nicht geprüft ist, erhält jeder Antrag dieselbe Antwort, ob es Daten über Sie gibt oder nicht. Das schützt Sie, falls jemand anderes in Ihrem Namen einen Antrag stellt.',
  'rights.identity.use':
    'Die Angaben zu Ihrer Identifizierung werden nur für Ihren Antrag verwendet und danach gelöscht.',
  'rights.representative.heading': 'Wenn jemand für Sie handelt',
  'rights.representative.who':
    'Eine Anwältin oder ein Anwalt, ein Angehöriger, ein Vormund oder eine Organisation, die Migrantinnen und Migranten hilft, kann den Antrag für Sie stellen. Dafür braucht es:',
  'rights.representative.own': 'den eigenen Namen und eine Kontaktmöglichkeit;',
  'rights.representative.mandate':
    'Ihre schriftliche, von Ihnen unterschriebene Vollmacht oder ein Dokument, das die gesetzliche Vertretung belegt;',
  'rights.representative.subject': 'die Angaben, die Sie identifizieren, wie im Antragsformular.',
  'rights.representative.check': 'Die Behörde prüft sowohl Ihre Identität als auch die Vollmacht.',
  'rights.disagree.heading': 'Wenn Sie mit der Antwort nicht einverstanden sind',
  'rights.disagree.text':
    'Sie können sich bei der Datenschutzbehörde des betreffenden Landes beschweren oder ein Gericht dieses Landes anrufen.',

  'authorities.title': 'Behörden in jedem Land',
  'authorities.intro':
    'Sie können Ihren Antrag an jedes dieser Länder richten. Für jedes Land nennt die Liste die nationale Datenschutzbehörde: Sie überwacht, wie die Behörden den MID nutzen, und kann Ihnen sagen, welche Stelle Anträge bearbeitet.',
  'authorities.eu': 'Mitgliedstaaten der EU',
  'authorities.associated': 'Schengen-assoziierte Länder',
  'authorities.country': 'Land',
  'authorities.authority': 'Behörde',
  'authorities.website': 'Website',
  'authorities.source': 'Quelle: {source}. Stand: {date}.',

  'request.title': 'Antrag stellen',
  'request.intro':
    'Machen Sie möglichst viele Angaben, um die betroffene Person zu identifizieren: die einheitliche Identifikationsnummer, wenn es eine gibt, sonst mindestens Familienname und Geburtsdatum.',
  'request.type.legend': 'Was möchten Sie beantragen?',
  'request.type.access': 'Auskunft: eine Kopie der Daten',
  'request.type.rectification': 'Berichtigung: die Daten korrigieren',
  'request.type.erasure': 'Löschung: die Daten löschen',
  'request.lodgedWith.label': 'Land, an das Sie den Antrag richten',
  'request.lodgedWith.hint': 'Sie können jedes Land der Liste wählen.',
  'request.language.label': 'Sprache der Antwort',
  'request.subject.legend': 'Die Person, um die es geht',
  'request.sin.label': 'Einheitliche Identifikationsnummer',
  'request.sin.hint': 'Sie steht in dem Brief über eine Verknüpfung und beginnt mit SIN-.',
  'request.surname.label': 'Familienname',
  'request.givenNames.label': 'Vornamen',
  'request.dateOfBirth.label': 'Geburtsdatum',
  'request.dateOfBirth.hint':
    'Jahr-Monat-Tag, zum Beispiel 1990-04-25. Schreiben Sie 00 für einen unbekannten Tag oder Monat.',
  'request.nationality.label': 'Staatsangehörigkeit',
  'request.nationality.hint': 'Der Code aus drei Buchstaben im Reisepass, zum Beispiel UKR oder SYR.',
  'request.documentNumber.label': 'Nummer des Reisedokuments',
  'request.documentNumber.hint': 'Zum Beispiel die Reisepassnummer.',
  'request.details.label': 'Weitere Angaben',
  'request.details.hint': 'Was berichtigt oder gelöscht werden soll, und warum. Höchstens {max} Zeichen.',
  'request.details.count': '{count} von {max} Zeichen',
  'request.contact.legend': 'Wie kann die Behörde Sie erreichen?',
  'request.contact.hint': 'Geben Sie mindestens eines an: eine E-Mail-Adresse oder eine Postanschrift.',
  'request.email.label': 'E-Mail-Adresse',
  'request.postalAddress.label': 'Postanschrift',
  'request.representative.toggle':
    'Ich stelle diesen Antrag als Vertreterin oder Vertreter für eine andere Person',
  'request.representative.legend': 'Vertretung',
  'request.representative.name': 'Ihr Name',
  'request.representative.mandate': 'Ihre Vollmacht',
  'request.representative.mandateHint':
    'Zum Beispiel „unterschriebene Vollmacht vom 3. Mai 2026“ oder „gerichtlich bestellter Vormund“. Die Behörde wird eine Kopie anfordern.',
  'request.choose': 'Bitte wählen…',
  'request.optional': '(freiwillig)',
  'request.submit': 'Antrag absenden',
  'request.sending': 'Wird gesendet…',
  'request.done.title': 'Ihr Antrag ist eingegangen',
  'request.done.reference': 'Aktenzeichen',
  'request.done.accessCode': 'Zugangscode',
  'request.done.keep':
    'Notieren oder drucken Sie jetzt das Aktenzeichen und den Zugangscode. Sie brauchen beides, um Ihren Antrag zu verfolgen, und der Zugangscode kann nicht noch einmal angezeigt werden.',
  'request.done.next':
    'Die Behörde meldet sich bei Ihnen, um Ihre Identität zu prüfen. Sie muss innerhalb von {days} Tagen ab dem {date} antworten.',
  'request.done.follow': 'Diesen Antrag verfolgen',
  'request.done.print': 'Diese Seite drucken',
  'request.another': 'Weiteren Antrag stellen',

  'follow.title': 'Antrag verfolgen',
  'follow.intro': 'Geben Sie das Aktenzeichen und den Zugangscode ein, die Sie beim Absenden erhalten haben.',
  'follow.reference': 'Aktenzeichen',
  'follow.referenceHint': 'Es beginnt mit DSR-.',
  'follow.accessCode': 'Zugangscode',
  'follow.submit': 'Stand anzeigen',
  'follow.notFound':
    'Zu diesem Aktenzeichen und Zugangscode gibt es keinen Antrag. Prüfen Sie beides und versuchen Sie es erneut.',
  'follow.status': 'Stand',
  'follow.type': 'Antrag',
  'follow.receivedAt': 'Eingegangen am',
  'follow.deadline': 'Antwort fällig bis',
  'follow.extension': 'Die Frist wurde verlängert. Grund: {reason}',
  'follow.answer': 'Antwort',
  'follow.answeredAt': 'Beantwortet am {date}',
  'follow.noAnswer': 'Es gibt noch keine Antwort.',
  'follow.decision': 'Entscheidung',
  'follow.data': 'Die über Sie gefundenen Daten',
  'decision.granted': 'Stattgegeben',
  'decision.refused': 'Abgelehnt',

  'status.identity-verification-pending': 'Wartet auf den Identitätsnachweis',
  'status.in-progress': 'In Bearbeitung',
  'status.answered': 'Beantwortet',

  'errors.title': 'Es gibt ein Problem',
  'errors.required': 'Füllen Sie dieses Feld aus.',
  'errors.type': 'Wählen Sie, was Sie beantragen möchten.',
  'errors.lodgedWith': 'Wählen Sie ein Land aus der Liste.',
  'errors.language': 'Wählen Sie eine Sprache aus der Liste.',
  'errors.subject.singleIdentificationNumber':
    'Geben Sie die einheitliche Identifikationsnummer so ein, wie sie im Brief steht, beginnend mit SIN-.',
  'errors.subject.surname': 'Geben Sie den Familiennamen an oder die einheitliche Identifikationsnummer.',
  'errors.subject.givenNames': 'Prüfen Sie die Vornamen.',
  'errors.subject.dateOfBirth':
    'Geben Sie das Geburtsdatum als Jahr-Monat-Tag an, zum Beispiel 1990-04-25, oder die einheitliche Identifikationsnummer.',
  'errors.subject.nationality':
    'Geben Sie den Code der Staatsangehörigkeit aus drei Buchstaben an, zum Beispiel UKR.',
  'errors.subject.documentNumber': 'Geben Sie die Dokumentnummer nur mit Buchstaben und Ziffern an.',
  'errors.details': 'Kürzen Sie die weiteren Angaben auf höchstens {max} Zeichen.',
  'errors.contact.email':
    'Geben Sie eine E-Mail-Adresse wie name@example.org an, oder stattdessen eine Postanschrift.',
  'errors.contact.postalAddress': 'Prüfen Sie die Postanschrift.',
  'errors.representative.name': 'Geben Sie den Namen der Vertretung an.',
  'errors.representative.mandate': 'Beschreiben Sie die Vollmacht.',
  'errors.field': 'Prüfen Sie dieses Feld.',
  'errors.rateLimited':
    'Von Ihrer Verbindung wurden zu viele Anträge gesendet. Bitte versuchen Sie es {when} erneut.',
  'errors.rateLimitedLater':
    'Von Ihrer Verbindung wurden zu viele Anträge gesendet. Bitte versuchen Sie es später erneut.',
  'errors.unreachable': 'Der Dienst ist im Moment nicht erreichbar. Bitte versuchen Sie es später erneut.',
  'errors.server':
    'Der Dienst konnte das nicht bearbeiten (Fehler {status}). Bitte versuchen Sie es später erneut.',
};
