// Field errors shown beside their field: the backend answers {field, message} for every refused
// value (schema or engine), and each control looks up its own by name.
import type { FieldError } from '../../../shared/api/settings';

export type Errors = FieldError[];

export function errorFor(errors: Errors, field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** Props that tie a control to its error for assistive technology. */
export function invalidProps(errors: Errors, field: string) {
  const message = errorFor(errors, field);
  return message ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) } : {};
}

export function FieldErrorText({ errors, field }: { errors: Errors; field: string }) {
  const message = errorFor(errors, field);
  return message ? (
    <span className="field-error" id={errorId(field)}>
      {message}
    </span>
  ) : null;
}

/** Errors no control claims (e.g. a refusal without a field), shown at the form's foot. */
export function OtherErrors({ errors, fields }: { errors: Errors; fields: (field: string) => boolean }) {
  const rest = errors.filter((e) => !fields(e.field));
  if (rest.length === 0) return null;
  return (
    <div className="state state-error" role="alert">
      {rest.map((e) => (
        <strong key={`${e.field}:${e.message}`}>{e.message}</strong>
      ))}
    </div>
  );
}

function errorId(field: string): string {
  return `error-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** "a, b ,c" → ['a', 'b', 'c']: lists are edited as comma-separated text. */
export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

/** A number field's text as the backend expects it; not a number stays NaN, for the backend to refuse. */
export function toNumber(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}
