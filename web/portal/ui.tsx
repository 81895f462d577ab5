import { createElement, Fragment, type InputHTMLAttributes, type ReactNode, useEffect, useRef } from 'react';
import { PortalApiError } from './api';
import { type Language, type MessageKey, translator } from './i18n';

/** The id of a form control, from its field path (`subject.surname` -> `field-subject-surname`). */
export const fieldId = (path: string) => `field-${path.replace(/\./g, '-')}`;

interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled control with its hint and its error right below the label; the control is described
 * by both, so a screen reader reads the error with the field.
 */
export function Field(props: {
  path: string;
  label: string;
  optional?: string;
  hint?: ReactNode;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = fieldId(props.path);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {props.label}
        {props.optional && <span className="optional"> {props.optional}</span>}
      </label>
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      )}
      {props.children({
        id,
        name: props.path,
        ...(props.error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
    </div>
  );
}

type TextAttributes = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  | 'type'
  | 'dir'
  | 'autoComplete'
  | 'spellCheck'
  | 'maxLength'
  | 'className'
  | 'placeholder'
  | 'autoCapitalize'
>;

/** Codes, numbers and addresses read left to right in every language and are not spell-checked. */
export const CODE = { dir: 'ltr', autoComplete: 'off', spellCheck: false } as const;

/** A labelled text input, or a text area when `rows` is given. */
export function TextInput(
  props: {
    path: string;
    label: string;
    optional?: string;
    hint?: ReactNode;
    error?: string;
    value: string;
    onChange: (value: string) => void;
    rows?: number;
  } & TextAttributes,
) {
  const { path, label, optional, hint, error, value, onChange, rows, type, ...attributes } = props;
  return (
    <Field path={path} label={label} optional={optional} hint={hint} error={error}>
      {(control) =>
        rows ? (
          <textarea
            {...control}
            {...attributes}
            rows={rows}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            {...attributes}
            type={type}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}

export interface SummaryItem {
  /** The field the message is about; without one the message is not a link. */
  path?: string;
  message: string;
}

/**
 * The errors of a form, listed above it with links to their fields. It takes focus each time the
 * form is sent back with errors (`attempt` changes), so the list is read out first.
 */
export function ErrorSummary(props: { title: string; items: readonly SummaryItem[]; attempt: number }) {
  const { title, items, attempt } = props;
  const box = useRef<HTMLElement>(null);
  const shown = items.length > 0;
  useEffect(() => {
    if (shown && attempt > 0) box.current?.focus();
  }, [shown, attempt]);
  if (!items.length) return null;
  return (
    <section className="error-summary" ref={box} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={`${item.path ?? ''}:${item.message}`}>
            {item.path ? (
              <a
                href={`#${fieldId(item.path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  const control = document.getElementById(fieldId(item.path!));
                  control?.scrollIntoView({ block: 'center' });
                  control?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A value that must read left to right whatever the page's direction (codes, references, addresses). */
export function Code({ children }: { children: ReactNode }) {
  return (
    <bdi dir="ltr" className="code">
      {children}
    </bdi>
  );
}

let firstPage = true;

/**
 * Titles the document after the page and, after a navigation inside the portal, moves focus to its
 * heading so the change is announced. A fresh load keeps the browser's focus at the top of the
 * document, where the skip link is the first Tab stop.
 */
export function usePortalPage(language: Language, title: MessageKey): void {
  useEffect(() => {
    const t = translator(language);
    document.title = `${t(title)} · ${t('site.name')}`;
    if (firstPage) firstPage = false;
    else document.querySelector<HTMLElement>('main h1')?.focus();
  }, [language, title]);
}

/** A translated message whose remaining `{name}` placeholders are filled with elements (links, codes). */
export function withElements(message: string, elements: Record<string, ReactNode>): ReactNode {
  const parts = message
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? (elements[part.slice(1, -1)] ?? part) : part));
  // Children passed as arguments, in their fixed order, need no keys.
  return createElement(Fragment, null, ...parts);
}

/** The message for an error that concerns no single field: unreachable, rate-limited, server error. */
export function problemMessage(language: Language, error: unknown): string {
  const t = translator(language);
  if (!(error instanceof PortalApiError) || error.status === 0) return t('errors.unreachable');
  if (error.status === 429) {
    if (error.retryAfterSeconds === undefined) return t('errors.rateLimitedLater');
    const seconds = error.retryAfterSeconds;
    const when = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
    return t('errors.rateLimited', {
      when: seconds < 120 ? when.format(seconds, 'second') : when.format(Math.ceil(seconds / 60), 'minute'),
    });
  }
  return t('errors.server', { status: error.status });
}
