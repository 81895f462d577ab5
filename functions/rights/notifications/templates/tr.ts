import type { NotificationTemplate } from '../template';

export const tr: NotificationTemplate = {
  dir: 'ltr',
  subject: {
    red: 'AB bilgi sistemlerindeki kimlik verileriniz: kırmızı bağlantı',
    white: 'AB bilgi sistemlerindeki kimlik verileriniz: beyaz bağlantı',
  },
  finding: {
    red: 'Doğrulamadan sorumlu makam, {authority}, farklı AB bilgi sistemlerinde sizinle ilgili kayıtlı kimlik verilerinin birbirine bağlı olduğunu ve hukuka uygun kullanılmadığını tespit etti (kırmızı bağlantı).',
    white:
      'Doğrulamadan sorumlu makam, {authority}, birden fazla AB bilgi sisteminde kayıtlı kimlik verilerinin size ait olduğunu ve hukuka uygun kullanıldığını tespit etti (beyaz bağlantı).',
  },
  sin: 'Tek kimlik numaranız: {sin}',
  rights:
    'Bu numarayı belirterek {portal} portalı üzerinden bu verilere erişim, bunların düzeltilmesi veya silinmesi talebinde bulunabilirsiniz.',
};
