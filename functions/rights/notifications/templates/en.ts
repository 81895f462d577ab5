import type { NotificationTemplate } from '../template';

export const en: NotificationTemplate = {
  dir: 'ltr',
  subject: {
    red: 'Your identity data in the EU information systems: a red link',
    white: 'Your identity data in the EU information systems: a white link',
  },
  finding: {
    red: 'The authority responsible for the verification, {authority}, found that identity data recorded about you in different EU information systems are linked and were not used lawfully (a red link).',
    white:
      'The authority responsible for the verification, {authority}, found that identity data recorded about you in more than one EU information system belong to you and were used lawfully (a white link).',
  },
  sin: 'Your single identification number: {sin}',
  rights:
    'You may ask for access to these data, their rectification or their erasure through the portal {portal}, quoting this number.',
};
