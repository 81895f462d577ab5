import { Link } from '../../app/ui/router';
import { ANSWER_DAYS, EXTENSION_DAYS } from '../deadlines';
import { type Language, translator } from '../i18n';
import { portalPath } from '../routing';
import { usePortalPage } from '../ui';

export function Rights({ language }: { language: Language }) {
  const t = translator(language);
  usePortalPage(language, 'rights.title');
  return (
    <>
      <h1 tabIndex={-1}>{t('rights.title')}</h1>
      <p className="lead">{t('rights.intro')}</p>
      <p className="actions">
        <Link to={portalPath(language, 'request')} className="button">
          {t('nav.request')}
        </Link>
        <Link to={portalPath(language, 'authorities')} className="button secondary">
          {t('nav.authorities')}
        </Link>
      </p>

      <section aria-labelledby="mid">
        <h2 id="mid">{t('rights.mid.heading')}</h2>
        <p>{t('rights.mid.what')}</p>
        <p>{t('rights.mid.colours')}</p>
        <p className="callout">{t('rights.mid.letter')}</p>
      </section>

      <section aria-labelledby="what">
        <h2 id="what">{t('rights.what.heading')}</h2>
        <dl className="rights-list">
          <dt>{t('rights.access.term')}</dt>
          <dd>{t('rights.access.text')}</dd>
          <dt>{t('rights.rectification.term')}</dt>
          <dd>{t('rights.rectification.text')}</dd>
          <dt>{t('rights.erasure.term')}</dt>
          <dd>{t('rights.erasure.text')}</dd>
        </dl>
        <p>{t('rights.free')}</p>
      </section>

      <section aria-labelledby="how">
        <h2 id="how">{t('rights.how.heading')}</h2>
        <ol className="steps">
          <li>{t('rights.how.form')}</li>
          <li>{t('rights.how.reference')}</li>
          <li>{t('rights.how.identity')}</li>
          <li>{t('rights.how.examine')}</li>
          <li>{t('rights.how.answer')}</li>
        </ol>
      </section>

      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{t('rights.deadlines.heading')}</h2>
        <p className="callout">
          <strong>{t('rights.deadlines.answer', { days: ANSWER_DAYS })}</strong>
        </p>
        <p>{t('rights.deadlines.extension', { days: ANSWER_DAYS, extra: EXTENSION_DAYS })}</p>
      </section>

      <section aria-labelledby="identity">
        <h2 id="identity">{t('rights.identity.heading')}</h2>
        <p>{t('rights.identity.why')}</p>
        <p>{t('rights.identity.same')}</p>
        <p>{t('rights.identity.use')}</p>
      </section>

      <section aria-labelledby="representative">
        <h2 id="representative">{t('rights.representative.heading')}</h2>
        <p>{t('rights.representative.who')}</p>
        <ul>
          <li>{t('rights.representative.own')}</li>
          <li>{t('rights.representative.mandate')}</li>
          <li>{t('rights.representative.subject')}</li>
        </ul>
        <p>{t('rights.representative.check')}</p>
      </section>

      <section aria-labelledby="disagree">
        <h2 id="disagree">{t('rights.disagree.heading')}</h2>
        <p>{t('rights.disagree.text')}</p>
      </section>
    </>
  );
}
