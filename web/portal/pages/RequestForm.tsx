import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from '../../app/ui/router';
import { PortalApiError, type ReceivedRequest, submitRequest } from '../api';
import data from '../authorities.json';
import type { AuthorityDirectory } from '../authorities-schema';
import { ANSWER_DAYS } from '../deadlines';
import { CATALOGUES, LANGUAGES, type Language, type MessageKey, translator } from '../i18n';
import { DETAILS_MAX, emptyForm, type RequestForm as Form, requestBody } from '../request-body';
import { portalPath } from '../routing';
import {
  CODE,
  Code,
  ErrorSummary,
  Field,
  fieldId,
  problemMessage,
  type SummaryItem,
  TextInput,
  usePortalPage,
} from '../ui';

const directory = data as AuthorityDirectory;
const TYPES = ['access', 'rectification', 'erasure'] as const;

/** The form's fields in reading order: the error summary lists errors in this order. */
const FIELD_ORDER = [
  'type',
  'lodgedWith',
  'language',
  'subject.singleIdentificationNumber',
  'subject.surname',
  'subject.givenNames',
  'subject.dateOfBirth',
  'subject.nationality',
  'subject.documentNumber',
  'details',
  'contact.email',
  'contact.postalAddress',
  'representative.name',
  'representative.mandate',
];

/** The portal's own message for a field the API refused, in the page's language. */
function fieldMessage(language: Language, path: string): string {
  const t = translator(language);
  const key = `errors.${path}`;
  return key in CATALOGUES.en ? t(key as MessageKey, { max: DETAILS_MAX }) : t('errors.field');
}

export function RequestForm({ language, apiUrl }: { language: Language; apiUrl: string }) {
  const t = translator(language);
  usePortalPage(language, 'request.title');
  const [form, setForm] = useState(() => emptyForm(language));
  const [sending, setSending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [received, setReceived] = useState<ReceivedRequest>();

  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((current) => ({ ...current, [key]: value }));
  const errorFor = (path: string) =>
    fieldErrors[path] === undefined ? undefined : fieldMessage(language, path);
  type TextKey = { [K in keyof Form]: Form[K] extends string ? K : never }[keyof Form];
  /** A text field's API path, value, setter and error. */
  const bind = (path: string, key: TextKey) => ({
    path,
    value: form[key],
    onChange: set(key),
    error: errorFor(path),
  });

  async function send(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    try {
      setReceived(await submitRequest(apiUrl, requestBody(form)));
      setFieldErrors({});
      setProblem(undefined);
    } catch (error) {
      const fields = error instanceof PortalApiError && error.status === 400 ? error.fieldErrors : {};
      setFieldErrors(fields);
      setProblem(Object.keys(fields).length ? undefined : problemMessage(language, error));
      setAttempt((n) => n + 1);
    } finally {
      setSending(false);
    }
  }

  if (received) {
    return (
      <Receipt
        language={language}
        received={received}
        onAnother={() => {
          setReceived(undefined);
          setForm(emptyForm(language));
        }}
      />
    );
  }

  const countries = new Intl.DisplayNames([language], { type: 'region' });
  const states = directory.authorities
    .map((authority) => ({
      code: authority.country,
      name: countries.of(authority.country) ?? authority.country,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
  const ordered = [
    ...FIELD_ORDER.filter((path) => fieldErrors[path] !== undefined),
    ...Object.keys(fieldErrors).filter((path) => !FIELD_ORDER.includes(path)),
  ];
  const summary: SummaryItem[] = problem
    ? [{ message: problem }]
    : ordered.map((path) => ({
        path: FIELD_ORDER.includes(path) ? path : undefined,
        message: fieldMessage(language, path),
      }));
  const optional = t('request.optional');
  const typeError = errorFor('type');

  return (
    <>
      <h1 tabIndex={-1}>{t('request.title')}</h1>
      <p className="lead">{t('request.intro')}</p>
      <ErrorSummary title={t('errors.title')} items={summary} attempt={attempt} />
      <form onSubmit={send} noValidate aria-labelledby="request-form-title">
        <h2 id="request-form-title" className="visually-hidden">
          {t('request.title')}
        </h2>
        <fieldset
          className={typeError ? 'choices field-invalid' : 'choices'}
          aria-describedby={typeError ? `${fieldId('type')}-error` : undefined}
        >
          <legend>{t('request.type.legend')}</legend>
          {typeError && (
            <p className="field-error" id={`${fieldId('type')}-error`}>
              <span aria-hidden="true">⚠ </span>
              {typeError}
            </p>
          )}
          {TYPES.map((type, index) => {
            const id = index === 0 ? fieldId('type') : `${fieldId('type')}-${type}`;
            return (
              <div className="choice" key={type}>
                <input
                  type="radio"
                  id={id}
                  name="type"
                  value={type}
                  checked={form.type === type}
                  onChange={() => set('type')(type)}
                />
                <label htmlFor={id}>{t(`request.type.${type}`)}</label>
              </div>
            );
          })}
        </fieldset>

        <Field
          path="lodgedWith"
          label={t('request.lodgedWith.label')}
          hint={t('request.lodgedWith.hint')}
          error={errorFor('lodgedWith')}
        >
          {(control) => (
            <select
              {...control}
              value={form.lodgedWith}
              onChange={(event) => set('lodgedWith')(event.target.value)}
            >
              <option value="">{t('request.choose')}</option>
              {states.map((state) => (
                <option key={state.code} value={state.code}>
                  {state.name}
                </option>
              ))}
            </select>
          )}
        </Field>

        <Field path="language" label={t('request.language.label')} error={errorFor('language')}>
          {(control) => (
            <select
              {...control}
              value={form.language}
              onChange={(event) => set('language')(event.target.value)}
            >
              {LANGUAGES.map((candidate) => (
                <option key={candidate.code} value={candidate.code} lang={candidate.code}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </Field>

        <fieldset>
          <legend>{t('request.subject.legend')}</legend>
          <TextInput
            {...bind('subject.singleIdentificationNumber', 'singleIdentificationNumber')}
            label={t('request.sin.label')}
            optional={optional}
            hint={t('request.sin.hint')}
            {...CODE}
          />
          <TextInput
            {...bind('subject.surname', 'surname')}
            label={t('request.surname.label')}
            autoComplete="family-name"
          />
          <TextInput
            {...bind('subject.givenNames', 'givenNames')}
            label={t('request.givenNames.label')}
            optional={optional}
            autoComplete="given-name"
          />
          <TextInput
            {...bind('subject.dateOfBirth', 'dateOfBirth')}
            label={t('request.dateOfBirth.label')}
            hint={t('request.dateOfBirth.hint')}
            dir="ltr"
            className="short"
            autoComplete="bday"
            placeholder="YYYY-MM-DD"
          />
          <TextInput
            {...bind('subject.nationality', 'nationality')}
            label={t('request.nationality.label')}
            optional={optional}
            hint={t('request.nationality.hint')}
            {...CODE}
            className="code-input"
            maxLength={3}
            autoCapitalize="characters"
          />
          <TextInput
            {...bind('subject.documentNumber', 'documentNumber')}
            label={t('request.documentNumber.label')}
            optional={optional}
            hint={t('request.documentNumber.hint')}
            {...CODE}
          />
        </fieldset>

        <TextInput
          {...bind('details', 'details')}
          label={t('request.details.label')}
          optional={optional}
          hint={
            <>
              {t('request.details.hint', { max: DETAILS_MAX })}{' '}
              <span className="counter">
                {t('request.details.count', { count: form.details.length, max: DETAILS_MAX })}
              </span>
            </>
          }
          rows={5}
          maxLength={DETAILS_MAX}
        />

        <fieldset aria-describedby="contact-hint">
          <legend>{t('request.contact.legend')}</legend>
          <p className="hint" id="contact-hint">
            {t('request.contact.hint')}
          </p>
          <TextInput
            {...bind('contact.email', 'email')}
            label={t('request.email.label')}
            {...CODE}
            type="email"
            autoComplete="email"
          />
          <TextInput
            {...bind('contact.postalAddress', 'postalAddress')}
            label={t('request.postalAddress.label')}
            rows={3}
            autoComplete="street-address"
          />
        </fieldset>

        <div className="choice">
          <input
            type="checkbox"
            id="field-representing"
            checked={form.representing}
            aria-controls="representative"
            aria-expanded={form.representing}
            onChange={(event) => set('representing')(event.target.checked)}
          />
          <label htmlFor="field-representing">{t('request.representative.toggle')}</label>
        </div>
        {form.representing && (
          <fieldset id="representative">
            <legend>{t('request.representative.legend')}</legend>
            <TextInput
              {...bind('representative.name', 'representativeName')}
              label={t('request.representative.name')}
              autoComplete="name"
            />
            <TextInput
              {...bind('representative.mandate', 'representativeMandate')}
              label={t('request.representative.mandate')}
              hint={t('request.representative.mandateHint')}
              rows={3}
            />
          </fieldset>
        )}

        <button type="submit" disabled={sending}>
          {sending ? t('request.sending') : t('request.submit')}
        </button>
      </form>
    </>
  );
}

function Receipt(props: { language: Language; received: ReceivedRequest; onAnother: () => void }) {
  const { language, received } = props;
  const t = translator(language);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(received.receivedAt));
  return (
    <>
      <h1>{t('request.title')}</h1>
      <section className="receipt" aria-labelledby="receipt-title">
        <h2 id="receipt-title" tabIndex={-1} ref={heading}>
          <span aria-hidden="true">✓ </span>
          {t('request.done.title')}
        </h2>
        <dl className="receipt-codes">
          <div>
            <dt>{t('request.done.reference')}</dt>
            <dd data-testid="reference">
              <Code>{received.reference}</Code>
            </dd>
          </div>
          <div>
            <dt>{t('request.done.accessCode')}</dt>
            <dd data-testid="access-code">
              <Code>{received.accessCode}</Code>
            </dd>
          </div>
        </dl>
        <p className="callout">{t('request.done.keep')}</p>
        <p>{t('request.done.next', { days: ANSWER_DAYS, date })}</p>
        <p className="actions">
          <Link
            to={`${portalPath(language, 'follow')}?reference=${encodeURIComponent(received.reference)}`}
            className="button"
          >
            {t('request.done.follow')}
          </Link>
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t('request.done.print')}
          </button>
          <button type="button" className="secondary" onClick={props.onAnother}>
            {t('request.another')}
          </button>
        </p>
      </section>
    </>
  );
}
