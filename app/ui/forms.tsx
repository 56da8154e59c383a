// Accessible form fields: a label, why the field is asked, the error beside it, what was typed kept.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/translate-message";
import type { FormFailure } from "~/ui/form-result";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{translateMessage(t, e)}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  /** The failed submission, if any: its message and typed value win over the default. */
  failure?: FormFailure | null;
  defaultValue?: string | null;
  required?: boolean;
}

function useFieldState({ name, failure, defaultValue }: FieldProps) {
  const id = useId();
  const errors = failure?.fieldErrors[name];
  const value = failure ? (failure.values[name] ?? "") : (defaultValue ?? "");
  const describedBy = [errors?.length ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ");
  return { id, errors, value, describedBy };
}

export function TextField(
  props: FieldProps & {
    type?: "text" | "email" | "password" | "url" | "search";
    autoComplete?: string;
    placeholder?: string;
    inputMode?: "text" | "numeric" | "email" | "url";
  },
) {
  const { id, errors, value, describedBy } = useFieldState(props);
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? null : <Optional />}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.type === "password" ? undefined : value}
        required={props.required}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number }) {
  const { id, errors, value, describedBy } = useFieldState(props);
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? null : <Optional />}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        defaultValue={value}
        required={props.required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: ReadonlyArray<{ value: string; label: string }>; placeholder?: string }) {
  const { id, errors, value, describedBy } = useFieldState(props);
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? null : <Optional />}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <select
        id={id}
        name={props.name}
        defaultValue={value}
        required={props.required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

function Optional() {
  const { t } = useTranslation();
  return <span className="optional"> {t("form.optional")}</span>;
}

/**
 * The summary above a form that came back with errors. With JavaScript, each failed submission
 * moves the focus here (each is a new object), so a keyboard or screen-reader user lands on what
 * went wrong instead of the top of the page; without it, the page simply loads with the summary.
 */
export function FormError({ failure }: { failure?: FormFailure | null }) {
  const { t } = useTranslation();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!failure || !summary.current) return;
    summary.current.focus();
    summary.current.scrollIntoView({ block: "center" });
  }, [failure]);
  if (!failure) return null;
  return (
    <div className="form-error" role="alert" tabIndex={-1} ref={summary}>
      {failure.formError ? translateMessage(t, failure.formError) : t("form.needsCorrection")}
    </div>
  );
}
