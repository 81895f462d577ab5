import type { Catalogue } from './en';

export const tr: Catalogue = {
  'site.name': 'AB sınır ve göç sistemlerindeki verileriniz',
  'site.skip': 'Ana içeriğe geç',
  'site.language': 'Dil',
  'site.menu': 'Portal sayfaları',
  'site.footer':
    '(AB) 2019/817 ve 2019/818 sayılı Tüzüklerin 49. maddesi uyarınca kamuya açık portal. Hesap gerektirmez ve tarayıcınızda hiçbir şey saklamaz.',
  'nav.rights': 'Haklarınız',
  'nav.authorities': 'Makamlar',
  'nav.request': 'Başvuru yap',
  'nav.follow': 'Başvuruyu takip et',

  'rights.title': 'Çoklu Kimlik Dedektörü ile ilgili haklarınız',
  'rights.intro':
    'Kırmızı veya beyaz bir bağlantı hakkında mektup mu aldınız ya da AB sınır ve göç sistemlerinde hakkınızda veri bulunduğunu mu düşünüyorsunuz? Bu sayfa neler talep edebileceğinizi ve bunu nasıl yapacağınızı açıklar.',
  'rights.mid.heading': 'Çoklu Kimlik Dedektörü nedir?',
  'rights.mid.what':
    'Çoklu Kimlik Dedektörü (MID) bir AB sistemidir. AB’nin sınırlar, vizeler, seyahat izinleri, sığınma, polis işbirliği ve sabıka kayıtlarına ilişkin sistemlerinde AB vatandaşı olmayan kişiler hakkında kayıtlı verileri karşılaştırır. İki kaydın aynı kişiye ait olabileceğini tespit ettiğinde bu kayıtlar arasında bir bağlantı oluşturur.',
  'rights.mid.colours':
    'Belirsiz bağlantıları ulusal bir makamın görevlisi kontrol eder. Beyaz bağlantı, kayıtların hukuka uygun olarak aynı kişiye ait olduğu anlamına gelir. Yeşil bağlantı, kayıtların benzer verilere sahip farklı kişilere ait olduğu anlamına gelir. Kırmızı bağlantı ise makamın kimlik verilerinin hukuka aykırı kullanıldığını tespit ettiği anlamına gelir; örneğin bir kişinin iki farklı isim kullanması.',
  'rights.mid.letter':
    'Sizi ilgilendiren kırmızı veya beyaz bir bağlantı olduğunda, kural olarak tekil kimlik numaranız ve kontrolden sorumlu makam belirtilerek size yazılı bilgi verilir.',
  'rights.what.heading': 'Neler talep edebilirsiniz',
  'rights.access.term': 'Erişim',
  'rights.access.text': 'MID’de hakkınızda veri olup olmadığını öğrenmek ve bunların bir kopyasını almak.',
  'rights.rectification.term': 'Düzeltme',
  'rights.rectification.text':
    'Yanlış verileri düzelttirmek; örneğin hatalı bir doğum tarihini ya da kayıtlarınızı başka bir kişinin kayıtlarıyla birleştiren bir bağlantıyı.',
  'rights.erasure.term': 'Silme',
  'rights.erasure.text': 'Hukuka aykırı olarak kaydedilmiş verileri sildirmek.',
  'rights.free':
    'Başvuru ücretsizdir. Başvurunuzu yalnızca bağlantıyı kontrol eden ülkeye değil, bu portalda listelenen ülkelerden herhangi birine gönderebilirsiniz.',
  'rights.how.heading': 'Süreç nasıl işler',
  'rights.how.form':
    'Bu portaldaki başvuru formunu doldurun ya da listelenen ülkelerden birinin makamına yazın.',
  'rights.how.reference':
    'Hemen bir başvuru numarası ve bir erişim kodu alırsınız. İkisini de saklayın: bunlarla başvurunuzu burada takip edebilirsiniz.',
  'rights.how.identity':
    'Makam kimliğinizi doğrular. Bu yapılana kadar hakkınızda herhangi bir veri olup olmadığını söylemez.',
  'rights.how.examine':
    'Makam başvurunuzu inceler. Yanlış olan veya hukuka aykırı kaydedilmiş veriler hem MID’de hem de geldikleri sistemde düzeltilir ya da silinir.',
  'rights.how.answer':
    'Yazılı bir yanıt alırsınız. Makam talebinizi reddederse nedenini ve bu karara nasıl itiraz edebileceğinizi açıklar.',
  'rights.deadlines.heading': 'Süreler',
  'rights.deadlines.answer':
    'Makam, başvurunuzu aldığı tarihten itibaren {days} gün içinde yanıt vermek zorundadır.',
  'rights.deadlines.extension':
    'Başvuru karmaşıksa veya çok sayıda başvuru varsa bu süre {extra} gün uzatılabilir. Bu durumda makam, ilk {days} gün içinde uzatmayı ve nedenlerini size bildirmek zorundadır.',
  'rights.identity.heading': 'Kimliğinizi kanıtlama',
  'rights.identity.why':
    'Hakkınızdaki veriler yalnızca size gösterilebilir; bu nedenle makam önce kim olduğunuzu doğrular. Verdiğiniz e-posta veya posta adresi üzerinden sizinle iletişime geçer ve bir kimlik belgesinin kopyasını ister ya da şahsen gelmenizi rica eder.',
  'rights.identity.same':
    'Kimliğiniz doğrulanana kadar, hakkınızda veri olsun ya da olmasın her başvuruya aynı yanıt verilir. Bu, başka birinin sizin adınıza başvuru yapması durumunda sizi korur.',
  'rights.identity.use':
    'Kimliğinizi tespit etmek için verdiğiniz bilgiler yalnızca başvurunuz için kullanılır ve ardından silinir.',
  'rights.representative.heading': 'Sizin adınıza başka biri hareket ediyorsa',
  'rights.representative.who':
    'Bir avukat, bir yakınınız, bir vasi veya göçmenlere yardım eden bir kuruluş başvuruyu sizin adınıza yapabilir. Bunun için gerekenler:',
  'rights.representative.own': 'temsilcinin kendi adı ve ona nasıl ulaşılacağı;',
  'rights.representative.mandate':
    'sizin imzaladığınız yazılı yetki belgesi (vekâlet) veya temsilcinin yasal temsilciniz olduğunu gösteren bir belge;',
  'rights.representative.subject': 'başvuru formundaki gibi, sizi tanımlayan bilgiler.',
  'rights.representative.check': 'Makam hem kimliğinizi hem de yetki belgesini kontrol eder.',
  'rights.disagree.heading': 'Yanıta katılmıyorsanız',
  'rights.disagree.text':
    'İlgili ülkenin veri koruma makamına şikâyette bulunabilir veya konuyu o ülkenin bir mahkemesine götürebilirsiniz.',

  'authorities.title': 'Her ülkedeki makamlar',
  'authorities.intro':
    'Başvurunuzu bu ülkelerden herhangi birine gönderebilirsiniz. Liste her ülke için ulusal veri koruma makamını gösterir: bu makam, kurumların MID’i nasıl kullandığını denetler ve başvuruları hangi birimin ele aldığını size söyleyebilir.',
  'authorities.eu': 'AB üye devletleri',
  'authorities.associated': 'Schengen’e ortak ülkeler',
  'authorities.country': 'Ülke',
  'authorities.authority': 'Makam',
  'authorities.website': 'İnternet sitesi',
  'authorities.source': 'Kaynak: {source}. Derlenme tarihi: {date}.',

  'request.title': 'Başvuru yap',
  'request.intro':
    'İlgili kişinin kimliğinin tespit edilebilmesi için olabildiğince çok bilgi verin: varsa tekil kimlik numarasını, yoksa en azından soyadını ve doğum tarihini.',
  'request.type.legend': 'Ne talep etmek istiyorsunuz?',
  'request.type.access': 'Erişim: verilerin bir kopyası',
  'request.type.rectification': 'Düzeltme: verilerin düzeltilmesi',
  'request.type.erasure': 'Silme: verilerin silinmesi',
  'request.lodgedWith.label': 'Başvuruyu gönderdiğiniz ülke',
  'request.lodgedWith.hint': 'Listedeki herhangi bir ülkeyi seçebilirsiniz.',
  'request.language.label': 'Yanıtın dili',
  'request.subject.legend': 'Başvurunun ilgili olduğu kişi',
  'request.sin.label': 'Tekil kimlik numarası',
  'request.sin.hint': 'Bağlantıyla ilgili mektupta yazılıdır ve SIN- ile başlar.',
  'request.surname.label': 'Soyadı',
  'request.givenNames.label': 'Adları',
  'request.dateOfBirth.label': 'Doğum tarihi',
  'request.dateOfBirth.hint': 'Yıl-ay-gün, örneğin 1990-04-25. Bilinmeyen gün veya ay için 00 yazın.',
  'request.nationality.label': 'Uyruğu',
  'request.nationality.hint': 'Pasaporttaki üç harfli kod, örneğin UKR veya SYR.',
  'request.documentNumber.label': 'Seyahat belgesi numarası',
  'request.documentNumber.hint': 'Örneğin pasaport numarası.',
  'request.details.label': 'Ek açıklamalar',
  'request.details.hint': 'Neyin düzeltilmesi veya silinmesi gerektiği ve nedeni. En fazla {max} karakter.',
  'request.details.count': '{count} / {max} karakter',
  'request.contact.legend': 'Makam size nasıl ulaşabilir?',
  'request.contact.hint': 'En az birini yazın: bir e-posta adresi veya bir posta adresi.',
  'request.email.label': 'E-posta adresi',
  'request.postalAddress.label': 'Posta adresi',
  'request.representative.toggle': 'Bu başvuruyu başka biri adına, onun temsilcisi olarak yapıyorum',
  'request.representative.legend': 'Temsilci',
  'request.representative.name': 'Adınız',
  'request.representative.mandate': 'Yetki belgeniz',
  'request.representative.mandateHint':
    'Örneğin "3 Mayıs 2026 tarihli imzalı vekâlet" veya "mahkemece atanmış vasi". Makam bir kopyasını isteyecektir.',
  'request.choose': 'Seçin…',
  'request.optional': '(isteğe bağlı)',
  'request.submit': 'Başvuruyu gönder',
  'request.sending': 'Gönderiliyor…',
  'request.done.title': 'Başvurunuz alındı',
  'request.done.reference': 'Başvuru numarası',
  'request.done.accessCode': 'Erişim kodu',
  'request.done.keep':
    'Başvuru numarasını ve erişim kodunu şimdi not edin veya yazdırın. Başvurunuzu takip etmek için ikisine de ihtiyacınız var ve erişim kodu bir daha gösterilemez.',
  'request.done.next':
    'Makam, kimliğinizi doğrulamak için sizinle iletişime geçecek. {date} tarihinden itibaren {days} gün içinde yanıt vermek zorundadır.',
  'request.done.follow': 'Bu başvuruyu takip et',
  'request.done.print': 'Bu sayfayı yazdır',
  'request.another': 'Yeni bir başvuru yap',

  'follow.title': 'Başvuruyu takip et',
  'follow.intro': 'Başvurunuzu gönderirken aldığınız başvuru numarasını ve erişim kodunu girin.',
  'follow.reference': 'Başvuru numarası',
  'follow.referenceHint': 'DSR- ile başlar.',
  'follow.accessCode': 'Erişim kodu',
  'follow.submit': 'Durumu göster',
  'follow.notFound':
    'Bu başvuru numarası ve erişim koduyla eşleşen bir başvuru yok. İkisini de kontrol edip yeniden deneyin.',
  'follow.status': 'Durum',
  'follow.type': 'Başvuru',
  'follow.receivedAt': 'Alındığı tarih',
  'follow.deadline': 'Yanıt için son tarih',
  'follow.extension': 'Süre uzatıldı. Gerekçe: {reason}',
  'follow.answer': 'Yanıt',
  'follow.answeredAt': 'Yanıt tarihi: {date}',
  'follow.noAnswer': 'Henüz yanıt yok.',
  'follow.decision': 'Karar',
  'follow.data': 'Hakkınızda bulunan veriler',
  'decision.granted': 'Kabul edildi',
  'decision.refused': 'Reddedildi',

  'status.identity-verification-pending': 'Kimlik kanıtı bekleniyor',
  'status.in-progress': 'İnceleniyor',
  'status.answered': 'Yanıtlandı',

  'errors.title': 'Bir sorun var',
  'errors.required': 'Bu alanı doldurun.',
  'errors.type': 'Ne talep etmek istediğinizi seçin.',
  'errors.lodgedWith': 'Listeden bir ülke seçin.',
  'errors.language': 'Listeden bir dil seçin.',
  'errors.subject.singleIdentificationNumber':
    'Tekil kimlik numarasını mektupta yazıldığı gibi, SIN- ile başlayarak girin.',
  'errors.subject.surname': 'Soyadını girin veya tekil kimlik numarasını yazın.',
  'errors.subject.givenNames': 'Adları kontrol edin.',
  'errors.subject.dateOfBirth':
    'Doğum tarihini yıl-ay-gün biçiminde girin, örneğin 1990-04-25, veya tekil kimlik numarasını yazın.',
  'errors.subject.nationality': 'Üç harfli uyruk kodunu girin, örneğin UKR.',
  'errors.subject.documentNumber': 'Belge numarasını yalnızca harf ve rakamlarla girin.',
  'errors.details': 'Ek açıklamaları en fazla {max} karaktere kısaltın.',
  'errors.contact.email':
    'ad@example.org gibi bir e-posta adresi girin veya bunun yerine bir posta adresi yazın.',
  'errors.contact.postalAddress': 'Posta adresini kontrol edin.',
  'errors.representative.name': 'Temsilcinin adını girin.',
  'errors.representative.mandate': 'Yetki belgesini açıklayın.',
  'errors.field': 'Bu alanı kontrol edin.',
  'errors.rateLimited': 'Bağlantınızdan çok fazla başvuru gönderildi. Lütfen {when} yeniden deneyin.',
  'errors.rateLimitedLater':
    'Bağlantınızdan çok fazla başvuru gönderildi. Lütfen daha sonra yeniden deneyin.',
  'errors.unreachable': 'Hizmete şu anda ulaşılamıyor. Lütfen daha sonra yeniden deneyin.',
  'errors.server': 'Hizmet bu işlemi gerçekleştiremedi (hata {status}). Lütfen daha sonra yeniden deneyin.',
};
