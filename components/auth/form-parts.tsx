"use client";
// Accessible form pieces shared by every account and admin form: labelled inputs with their hint and error tied in
// through aria-describedby, an aria-live status line, and a submit button that says when it is working.
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import type { z } from "zod";
import { knownKey } from "@/lib/i18n/known-key";
import type { ActionState } from "@/lib/server/action-result";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/auth";

/** Translates an error key from a schema or action; unknown keys fall back to a generic message. */
export function useErrorText() {
  const t = useTranslations("auth.errors");
  const common = useTranslations("common.errors");
  return (key: string, values?: Record<string, string>) =>
    knownKey(t, key) ? t(key, values) : knownKey(common, key) ? common(key, values) : t("unknown");
}

export function Field(props: {
  name: string;
  label: string;
  type?: string;
  error?: string;
  hint?: string;
  autoComplete?: string;
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
}) {
  const id = useId();
  const errorText = useErrorText();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
      />
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-error">
          {errorText(props.error)}
        </p>
      )}
    </div>
  );
}

/** Polite live region: screen readers announce the outcome of a submit without moving focus. */
export function FormStatus({ state, success }: { state: ActionState<unknown>; success?: ReactNode }) {
  const errorText = useErrorText();
  let content: ReactNode = null;
  if (state && !state.ok) {
    const time = state.retryAt ? new Date(state.retryAt).toISOString().slice(11, 16) : "";
    content = <p className="form-error">{errorText(state.error, { time })}</p>;
  } else if (state?.ok && success) {
    content = <p className="form-success">{success}</p>;
  }
  return (
    <div role="status" aria-live="polite" className="form-status">
      {content}
    </div>
  );
}

export function SubmitButton({
  pending,
  label,
  pendingLabel,
  className,
}: {
  pending: boolean;
  label: string;
  pendingLabel?: string;
  className?: string;
}) {
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className ?? "button-primary"}>
      {pending && pendingLabel ? pendingLabel : label}
    </button>
  );
}

/**
 * Runs the shared zod schema in the browser before the action is sent, so field errors appear without a round trip;
 * the server action validates again with the same schema. Server-side field errors win when present.
 */
export function useClientValidation(schema: z.ZodType, state: ActionState<unknown>) {
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [lastState, setLastState] = useState(state);
  if (state !== lastState) {
    setLastState(state);
    setClientErrors(null);
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const fields = Object.fromEntries([...new FormData(event.currentTarget)].filter(([, v]) => typeof v === "string"));
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      event.preventDefault();
      setClientErrors(fieldErrorsOf(parsed.error));
    } else {
      setClientErrors(null);
    }
  };
  const errors: FieldErrors = clientErrors ?? (state && !state.ok ? (state.fieldErrors ?? {}) : {});
  return { errors, onSubmit, hasClientErrors: clientErrors !== null };
}
