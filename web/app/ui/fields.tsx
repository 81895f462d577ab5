import { type ReactNode, useId } from 'react';
import { fieldError } from './feedback';

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its hint and the API's error for that field right below it. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** What every control below takes: its label, value, change handler and the API's error for it. */
interface ControlProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  name?: string;
  required?: boolean;
}

export function TextField(props: ControlProps & { type?: 'text' | 'date' | 'number' | 'search' }) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          required={props.required}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

export function TextArea(props: ControlProps) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(control) => (
        <textarea
          {...control}
          name={props.name}
          rows={3}
          value={props.value}
          required={props.required}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

export function SelectField(
  props: Omit<ControlProps, 'required'> & { options: readonly { value: string; label: string }[] },
) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(control) => (
        <select
          {...control}
          name={props.name}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** *From (day)* and *To (day)* of a filter, with the API's errors for `from` and `to` next to them. */
export function DayRangeFields(props: {
  from: string;
  to: string;
  onChange: (key: 'from' | 'to') => (value: string) => void;
  error: unknown;
}) {
  return (
    <>
      <TextField
        label="From (day)"
        name="from"
        type="date"
        value={props.from}
        onChange={props.onChange('from')}
        error={fieldError(props.error, 'from')}
      />
      <TextField
        label="To (day)"
        name="to"
        type="date"
        value={props.to}
        onChange={props.onChange('to')}
        error={fieldError(props.error, 'to')}
      />
    </>
  );
}
