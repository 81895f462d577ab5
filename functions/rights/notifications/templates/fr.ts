import type { NotificationTemplate } from '../template';

export const fr: NotificationTemplate = {
  dir: 'ltr',
  subject: {
    red: "Vos données d'identité dans les systèmes d'information de l'UE : un lien rouge",
    white: "Vos données d'identité dans les systèmes d'information de l'UE : un lien blanc",
  },
  finding: {
    red: "L'autorité chargée de la vérification, {authority}, a constaté que des données d'identité vous concernant, enregistrées dans différents systèmes d'information de l'UE, sont liées et n'ont pas été utilisées de manière licite (lien rouge).",
    white:
      "L'autorité chargée de la vérification, {authority}, a constaté que des données d'identité enregistrées dans plusieurs systèmes d'information de l'UE vous appartiennent et ont été utilisées de manière licite (lien blanc).",
  },
  sin: "Votre numéro d'identification unique : {sin}",
  rights:
    "Vous pouvez demander l'accès à ces données, leur rectification ou leur effacement sur le portail {portal}, en indiquant ce numéro.",
};
