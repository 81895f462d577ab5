import { useEffect } from 'react';
import { Link, usePath } from '../app/ui/router';
import { direction, LANGUAGES, type Language, type MessageKey, translator } from './i18n';
import { Authorities } from './pages/Authorities';
import { FollowRequest } from './pages/FollowRequest';
import { RequestForm } from './pages/RequestForm';
import { Rights } from './pages/Rights';
import { PAGES, type Page, parsePortalPath, portalPath } from './routing';

const NAV: Record<Page, MessageKey> = {
  rights: 'nav.rights',
  authorities: 'nav.authorities',
  request: 'nav.request',
  follow: 'nav.follow',
};

export function Portal({ apiUrl }: { apiUrl: string }) {
  const path = usePath();
  const { language, page } = parsePortalPath(path, navigator.languages);
  const t = translator(language);

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = direction(language);
  }, [language]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('site.skip')}
      </a>
      <header className="portal-header">
        <div className="header-inner">
          <Link to={portalPath(language, 'rights')} className="site-name">
            {t('site.name')}
          </Link>
          <nav aria-label={t('site.language')} className="languages">
            <ul>
              {LANGUAGES.map((candidate) => (
                <li key={candidate.code}>
                  <Link
                    to={portalPath(candidate.code, page)}
                    lang={candidate.code}
                    hrefLang={candidate.code}
                    aria-current={candidate.code === language ? 'true' : undefined}
                  >
                    {candidate.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <nav aria-label={t('site.menu')} className="pages">
          <ul>
            {PAGES.map((candidate) => (
              <li key={candidate}>
                <Link
                  to={portalPath(language, candidate)}
                  aria-current={candidate === page ? 'page' : undefined}
                >
                  {t(NAV[candidate])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="portal-main">
        <CurrentPage page={page} language={language} apiUrl={apiUrl} />
      </main>
      <footer className="portal-footer">
        <p>{t('site.footer')}</p>
      </footer>
    </>
  );
}

function CurrentPage({ page, language, apiUrl }: { page: Page; language: Language; apiUrl: string }) {
  switch (page) {
    case 'authorities':
      return <Authorities language={language} />;
    case 'request':
      return <RequestForm language={language} apiUrl={apiUrl} />;
    case 'follow':
      return <FollowRequest language={language} apiUrl={apiUrl} />;
    default:
      return <Rights language={language} />;
  }
}
