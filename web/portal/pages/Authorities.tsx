import data from '../authorities.json';
import type { AuthorityDirectory } from '../authorities-schema';
import { type Language, translator } from '../i18n';
import { Code, usePortalPage, withElements } from '../ui';

// Checked against its schema by web/build.ts and test/unit/portal/authorities.test.ts.
const directory = data as AuthorityDirectory;

export function Authorities({ language }: { language: Language }) {
  const t = translator(language);
  usePortalPage(language, 'authorities.title');
  const countries = new Intl.DisplayNames([language], { type: 'region' });
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  const byName = (group: 'eu' | 'associated') =>
    directory.authorities
      .filter((authority) => authority.group === group)
      .map((authority) => ({
        ...authority,
        countryName: countries.of(authority.country) ?? authority.country,
      }))
      .sort((a, b) => a.countryName.localeCompare(b.countryName, language));
  return (
    <>
      <h1 tabIndex={-1}>{t('authorities.title')}</h1>
      <p className="lead">{t('authorities.intro')}</p>
      {(['eu', 'associated'] as const).map((group) => (
        <section key={group} aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>{t(group === 'eu' ? 'authorities.eu' : 'authorities.associated')}</h2>
          <ul className="authorities">
            {byName(group).map((authority) => (
              <li key={authority.country} data-country={authority.country}>
                <h3>{authority.countryName}</h3>
                <p lang={authority.nameLanguage}>{authority.name}</p>
                {authority.nameLanguage !== 'en' && (
                  <p lang="en" className="muted">
                    {authority.nameEn}
                  </p>
                )}
                <p>
                  <span className="visually-hidden">{t('authorities.website')}: </span>
                  <a href={authority.website} rel="noopener">
                    <Code>{authority.website.replace(/^https:\/\//, '')}</Code>
                  </a>
                </p>
                {authority.email && (
                  <p>
                    <a href={`mailto:${authority.email}`}>
                      <Code>{authority.email}</Code>
                    </a>
                  </p>
                )}
                {authority.phone && (
                  <p>
                    <a href={`tel:${authority.phone.replace(/ /g, '')}`}>
                      <Code>{authority.phone}</Code>
                    </a>
                  </p>
                )}
                {authority.postalAddress && (
                  <address lang={authority.nameLanguage}>{authority.postalAddress}</address>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="source">
        {withElements(
          t('authorities.source', { date: dates.format(new Date(`${directory.compiledOn}T00:00:00Z`)) }),
          {
            source: (
              <a href={directory.sourceUrl} rel="noopener" lang="en">
                {directory.source}
              </a>
            ),
          },
        )}
      </p>
    </>
  );
}
