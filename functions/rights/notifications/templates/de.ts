import type { NotificationTemplate } from '../template';

export const de: NotificationTemplate = {
  dir: 'ltr',
  subject: {
    red: 'Ihre Identitätsdaten in den EU-Informationssystemen: eine rote Verknüpfung',
    white: 'Ihre Identitätsdaten in den EU-Informationssystemen: eine weiße Verknüpfung',
  },
  finding: {
    red: 'Die für die Verifizierung zuständige Behörde, {authority}, hat festgestellt, dass in verschiedenen EU-Informationssystemen über Sie gespeicherte Identitätsdaten verknüpft sind und nicht rechtmäßig verwendet wurden (rote Verknüpfung).',
    white:
      'Die für die Verifizierung zuständige Behörde, {authority}, hat festgestellt, dass in mehreren EU-Informationssystemen gespeicherte Identitätsdaten zu Ihnen gehören und rechtmäßig verwendet wurden (weiße Verknüpfung).',
  },
  sin: 'Ihre einheitliche Identifizierungsnummer: {sin}',
  rights:
    'Sie können über das Portal {portal} unter Angabe dieser Nummer Auskunft über diese Daten, ihre Berichtigung oder ihre Löschung beantragen.',
};
