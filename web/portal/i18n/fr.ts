import type { Catalogue } from './en';

export const fr: Catalogue = {
  'site.name': 'Vos données dans les systèmes de l’UE pour les frontières et la migration',
  'site.skip': 'Aller au contenu principal',
  'site.language': 'Langue',
  'site.menu': 'Pages du portail',
  'site.footer':
    'Portail public prévu à l’article 49 des règlements (UE) 2019/817 et 2019/818. Il ne demande aucun compte et n’enregistre rien dans votre navigateur.',
  'nav.rights': 'Vos droits',
  'nav.authorities': 'Autorités',
  'nav.request': 'Faire une demande',
  'nav.follow': 'Suivre une demande',

  'rights.title': 'Vos droits concernant le détecteur d’identités multiples',
  'rights.intro':
    'Vous avez reçu une lettre au sujet d’un lien rouge ou blanc, ou vous pensez que les systèmes de l’UE pour les frontières et la migration contiennent des données vous concernant ? Cette page explique ce que vous pouvez demander, et comment.',
  'rights.mid.heading': 'Qu’est-ce que le détecteur d’identités multiples ?',
  'rights.mid.what':
    'Le détecteur d’identités multiples (MID) est un système de l’UE. Il compare les données enregistrées sur les ressortissants de pays tiers dans les systèmes de l’UE consacrés aux frontières, aux visas, aux autorisations de voyage, à l’asile, à la coopération policière et aux casiers judiciaires. Lorsque deux dossiers peuvent concerner la même personne, il crée un lien entre eux.',
  'rights.mid.colours':
    'Un agent d’une autorité nationale vérifie les liens qui ne sont pas clairs. Un lien blanc signifie que les dossiers concernent la même personne, de manière légitime. Un lien vert signifie qu’ils concernent des personnes différentes dont les données se ressemblent. Un lien rouge signifie que l’autorité a constaté un usage illicite de données d’identité, par exemple une même personne sous deux noms différents.',
  'rights.mid.letter':
    'Lorsqu’un lien rouge ou blanc vous concerne, vous en êtes normalement informé par écrit, avec votre numéro d’identification unique et l’autorité chargée de la vérification.',
  'rights.what.heading': 'Ce que vous pouvez demander',
  'rights.access.term': 'Accès',
  'rights.access.text': 'Savoir si le MID contient des données vous concernant, et en recevoir une copie.',
  'rights.rectification.term': 'Rectification',
  'rights.rectification.text':
    'Faire corriger des données inexactes, par exemple une date de naissance erronée, ou un lien qui associe vos dossiers à ceux d’une autre personne.',
  'rights.erasure.term': 'Effacement',
  'rights.erasure.text': 'Faire supprimer des données enregistrées de manière illicite.',
  'rights.free':
    'La demande est gratuite. Vous pouvez l’adresser à n’importe lequel des pays indiqués sur ce portail, et pas seulement à celui qui a vérifié le lien.',
  'rights.how.heading': 'Comment cela se passe',
  'rights.how.form':
    'Remplissez le formulaire de demande sur ce portail, ou écrivez à l’autorité de l’un des pays indiqués.',
  'rights.how.reference':
    'Vous recevez aussitôt une référence et un code d’accès. Conservez-les : ils vous permettent de suivre votre demande ici.',
  'rights.how.identity':
    'L’autorité vérifie votre identité. Tant que ce n’est pas fait, elle ne dit pas si des données vous concernant existent.',
  'rights.how.examine':
    'L’autorité examine votre demande. Les données inexactes ou enregistrées de manière illicite sont corrigées ou supprimées, dans le MID et dans le système d’où elles proviennent.',
  'rights.how.answer':
    'Vous recevez une réponse écrite. Si l’autorité refuse, elle explique pourquoi et comment contester sa décision.',
  'rights.deadlines.heading': 'Délais',
  'rights.deadlines.answer':
    'L’autorité doit répondre dans un délai de {days} jours à compter de la réception de votre demande.',
  'rights.deadlines.extension':
    'Si la demande est complexe, ou si les demandes sont nombreuses, ce délai peut être prolongé de {extra} jours. L’autorité doit alors vous en informer, avec les raisons, dans les {days} premiers jours.',
  'rights.identity.heading': 'Prouver votre identité',
  'rights.identity.why':
    'Les données vous concernant ne peuvent être montrées qu’à vous. L’autorité vérifie donc d’abord qui vous êtes : elle vous contacte à l’adresse électronique ou postale que vous indiquez, et vous demande une copie d’une pièce d’identité ou de vous présenter en personne.',
  'rights.identity.same':
    'Tant que votre identité n’a pas été vérifiée, toute demande reçoit la même réponse, qu’il existe ou non des données vous concernant. Cela vous protège si quelqu’un d’autre fait une demande en votre nom.',
  'rights.identity.use':
    'Les informations que vous donnez pour vous identifier servent uniquement à traiter votre demande, puis sont effacées.',
  'rights.representative.heading': 'Si quelqu’un agit pour vous',
  'rights.representative.who':
    'Un avocat, un proche, un tuteur ou une association d’aide aux migrants peut faire la demande pour vous. Il lui faut :',
  'rights.representative.own': 'son propre nom et le moyen de le contacter ;',
  'rights.representative.mandate':
    'votre autorisation écrite (un mandat) signée par vous, ou un document prouvant qu’il est votre représentant légal ;',
  'rights.representative.subject':
    'les informations qui vous identifient, comme dans le formulaire de demande.',
  'rights.representative.check': 'L’autorité vérifie à la fois votre identité et le mandat.',
  'rights.disagree.heading': 'Si vous n’êtes pas d’accord avec la réponse',
  'rights.disagree.text':
    'Vous pouvez introduire une réclamation auprès de l’autorité de protection des données du pays concerné, ou saisir un tribunal de ce pays.',

  'authorities.title': 'Les autorités de chaque pays',
  'authorities.intro':
    'Vous pouvez adresser votre demande à n’importe lequel de ces pays. Pour chaque pays, la liste indique l’autorité nationale de protection des données : elle contrôle l’utilisation du MID par les autorités et peut vous dire quel service traite les demandes.',
  'authorities.eu': 'États membres de l’UE',
  'authorities.associated': 'Pays associés à Schengen',
  'authorities.country': 'Pays',
  'authorities.authority': 'Autorité',
  'authorities.website': 'Site internet',
  'authorities.source': 'Source : {source}. Établi le {date}.',

  'request.title': 'Faire une demande',
  'request.intro':
    'Donnez autant d’informations que possible pour identifier la personne concernée : le numéro d’identification unique s’il existe, sinon au moins le nom et la date de naissance.',
  'request.type.legend': 'Que souhaitez-vous demander ?',
  'request.type.access': 'Accès : une copie des données',
  'request.type.rectification': 'Rectification : corriger les données',
  'request.type.erasure': 'Effacement : supprimer les données',
  'request.lodgedWith.label': 'Pays auquel vous adressez la demande',
  'request.lodgedWith.hint': 'Vous pouvez choisir n’importe quel pays de la liste.',
  'request.language.label': 'Langue de la réponse',
  'request.subject.legend': 'La personne concernée par la demande',
  'request.sin.label': 'Numéro d’identification unique',
  'request.sin.hint': 'Il figure sur la lettre concernant un lien et commence par SIN-.',
  'request.surname.label': 'Nom',
  'request.givenNames.label': 'Prénoms',
  'request.dateOfBirth.label': 'Date de naissance',
  'request.dateOfBirth.hint':
    'Année-mois-jour, par exemple 1990-04-25. Écrivez 00 si le jour ou le mois est inconnu.',
  'request.nationality.label': 'Nationalité',
  'request.nationality.hint': 'Le code à trois lettres du passeport, par exemple UKR ou SYR.',
  'request.documentNumber.label': 'Numéro du document de voyage',
  'request.documentNumber.hint': 'Par exemple le numéro du passeport.',
  'request.details.label': 'Précisions',
  'request.details.hint': 'Ce qui doit être corrigé ou supprimé, et pourquoi. {max} caractères au maximum.',
  'request.details.count': '{count} caractères sur {max}',
  'request.contact.legend': 'Comment l’autorité peut-elle vous contacter ?',
  'request.contact.hint':
    'Indiquez au moins l’une des deux : une adresse électronique ou une adresse postale.',
  'request.email.label': 'Adresse électronique',
  'request.postalAddress.label': 'Adresse postale',
  'request.representative.toggle': 'Je fais cette demande pour une autre personne, en tant que représentant',
  'request.representative.legend': 'Le représentant',
  'request.representative.name': 'Votre nom',
  'request.representative.mandate': 'Votre mandat',
  'request.representative.mandateHint':
    'Par exemple « autorisation signée du 3 mai 2026 » ou « tuteur désigné par un tribunal ». L’autorité vous en demandera une copie.',
  'request.choose': 'Choisissez…',
  'request.optional': '(facultatif)',
  'request.submit': 'Envoyer la demande',
  'request.sending': 'Envoi en cours…',
  'request.done.title': 'Votre demande a bien été reçue',
  'request.done.reference': 'Référence',
  'request.done.accessCode': 'Code d’accès',
  'request.done.keep':
    'Notez ou imprimez dès maintenant la référence et le code d’accès. Les deux sont nécessaires pour suivre votre demande, et le code d’accès ne pourra plus être affiché.',
  'request.done.next':
    'L’autorité va vous contacter pour vérifier votre identité. Elle doit répondre dans les {days} jours suivant le {date}.',
  'request.done.follow': 'Suivre cette demande',
  'request.done.print': 'Imprimer cette page',
  'request.another': 'Faire une autre demande',

  'follow.title': 'Suivre une demande',
  'follow.intro': 'Saisissez la référence et le code d’accès reçus lors de l’envoi de votre demande.',
  'follow.reference': 'Référence',
  'follow.referenceHint': 'Elle commence par DSR-.',
  'follow.accessCode': 'Code d’accès',
  'follow.submit': 'Afficher l’état',
  'follow.notFound':
    'Aucune demande ne correspond à cette référence et à ce code d’accès. Vérifiez-les et réessayez.',
  'follow.status': 'État',
  'follow.type': 'Demande',
  'follow.receivedAt': 'Reçue le',
  'follow.deadline': 'Réponse attendue au plus tard le',
  'follow.extension': 'Le délai a été prolongé. Motif : {reason}',
  'follow.answer': 'Réponse',
  'follow.answeredAt': 'Réponse du {date}',
  'follow.noAnswer': 'Pas encore de réponse.',
  'follow.decision': 'Décision',
  'follow.data': 'Les données trouvées à votre sujet',
  'decision.granted': 'Acceptée',
  'decision.refused': 'Refusée',

  'status.identity-verification-pending': 'En attente de la preuve d’identité',
  'status.in-progress': 'En cours d’examen',
  'status.answered': 'Réponse envoyée',

  'errors.title': 'Il y a un problème',
  'errors.required': 'Remplissez ce champ.',
  'errors.type': 'Choisissez ce que vous souhaitez demander.',
  'errors.lodgedWith': 'Choisissez un pays dans la liste.',
  'errors.language': 'Choisissez une langue dans la liste.',
  'errors.subject.singleIdentificationNumber':
    'Saisissez le numéro d’identification unique tel qu’il figure sur la lettre, en commençant par SIN-.',
  'errors.subject.surname': 'Saisissez le nom, ou indiquez le numéro d’identification unique.',
  'errors.subject.givenNames': 'Vérifiez les prénoms.',
  'errors.subject.dateOfBirth':
    'Saisissez la date de naissance au format année-mois-jour, par exemple 1990-04-25, ou indiquez le numéro d’identification unique.',
  'errors.subject.nationality': 'Saisissez le code de nationalité à trois lettres, par exemple UKR.',
  'errors.subject.documentNumber':
    'Saisissez le numéro du document avec uniquement des lettres et des chiffres.',
  'errors.details': 'Raccourcissez les précisions à {max} caractères au maximum.',
  'errors.contact.email':
    'Saisissez une adresse électronique comme nom@example.org, ou indiquez plutôt une adresse postale.',
  'errors.contact.postalAddress': 'Vérifiez l’adresse postale.',
  'errors.representative.name': 'Saisissez le nom du représentant.',
  'errors.representative.mandate': 'Décrivez le mandat.',
  'errors.field': 'Vérifiez ce champ.',
  'errors.rateLimited':
    'Trop de demandes ont été envoyées depuis votre connexion. Veuillez réessayer {when}.',
  'errors.rateLimitedLater':
    'Trop de demandes ont été envoyées depuis votre connexion. Veuillez réessayer plus tard.',
  'errors.unreachable': 'Le service est injoignable pour le moment. Veuillez réessayer plus tard.',
  'errors.server':
    'Le service n’a pas pu traiter la demande (erreur {status}). Veuillez réessayer plus tard.',
};
