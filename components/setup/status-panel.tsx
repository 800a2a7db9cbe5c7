"use client";
// The status flow: DRAFT → IN_REVIEW → DECIDED (chosen candidate + outcome rationale) → SUPERSEDED (by another
// decision of the workspace), and reopening a decided or superseded decision. A plain form: it works the same with
// or without JavaScript, and the server checks every rule again.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeStatusAction } from "@/lib/actions/decisions";
import type { SetupDecision } from "@/lib/server/decisions";
import { statusChangeSchema, STATUS_TRANSITIONS } from "@/lib/validation/decision";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/auth";
import { StatusBadge } from "@/components/decisions/status-badge";
import { useState } from "react";
import { Section, useSetupErrorText } from "./field-controls";

export function StatusPanel(props: {
  decision: SetupDecision;
  candidates: { id: string; name: string }[];
  otherDecisions: { id: string; title: string }[];
  canWrite: boolean;
}) {
  const t = useTranslations("setup.status");
  const { decision } = props;
  const chosen = props.candidates.find((c) => c.id === decision.chosenCandidateId);
  return (
    <Section title={t("title")} id="status-heading">
      <p className="meta">
        <span>{t("current")}</span> <StatusBadge status={decision.status} />
      </p>
      {decision.status === "DECIDED" || decision.status === "SUPERSEDED" ? (
        <dl className="outcome" data-testid="outcome">
          <dt>{t("chosen")}</dt>
          <dd>{chosen?.name ?? "—"}</dd>
          <dt>{t("rationale")}</dt>
          <dd className="context">{decision.outcomeRationale || "—"}</dd>
          {decision.decidedAt ? (
            <>
              <dt>{t("decidedAt")}</dt>
              <dd>
                <time dateTime={decision.decidedAt}>{decision.decidedAt.slice(0, 10)}</time>
              </dd>
            </>
          ) : null}
          {decision.status === "SUPERSEDED" && decision.supersededById ? (
            <>
              <dt>{t("supersededBy")}</dt>
              <dd>
                <a href={`/decisions/${decision.supersededById}`}>{decision.supersededByTitle}</a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {decision.status === "DECIDED" || decision.status === "SUPERSEDED" ? (
        <p className="callout">{t("locked")}</p>
      ) : null}
      {props.canWrite ? <Transitions {...props} /> : null}
    </Section>
  );
}

function Transitions({
  decision,
  candidates,
  otherDecisions,
}: {
  decision: SetupDecision;
  candidates: { id: string; name: string }[];
  otherDecisions: { id: string; title: string }[];
}) {
  const t = useTranslations("setup.status");
  const [state, action, pending] = useActionState(changeStatusAction, null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errorText = useSetupErrorText();
  const errors: FieldErrors = clientErrors ?? (state && !state.ok ? (state.fieldErrors ?? {}) : {});
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const allowed = STATUS_TRANSITIONS[decision.status];
  const check = (e: React.FormEvent<HTMLFormElement>) => {
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const fields = Object.fromEntries(
      [...new FormData(e.currentTarget, submitter)].filter(([, v]) => typeof v === "string"),
    );
    const parsed = statusChangeSchema.safeParse(fields);
    if (!parsed.success) {
      e.preventDefault();
      setClientErrors(fieldErrorsOf(parsed.error));
    } else setClientErrors(null);
  };
  const hidden = (
    <>
      <input type="hidden" name="decisionId" value={decision.id} />
      <input type="hidden" name="version" value={decision.version} />
      <input type="hidden" name="from" value={decision.status} />
    </>
  );
  const err = (name: string) =>
    errors[name] ? (
      <p id={`status-${name}-error`} className="field-error">
        {errorText(errors[name]!)}
      </p>
    ) : null;
  return (
    <div className="status-actions">
      {allowed.includes("IN_REVIEW") || allowed.includes("DRAFT") ? (
        <form action={action} onSubmit={check} className="inline-form">
          {hidden}
          {allowed.includes("DRAFT") ? (
            <button type="submit" name="to" value="DRAFT" disabled={pending}>
              {t("toDraft")}
            </button>
          ) : null}
          {allowed.includes("IN_REVIEW") ? (
            <button
              type="submit"
              name="to"
              value="IN_REVIEW"
              disabled={pending}
              className={decision.status === "DRAFT" ? "button-primary" : undefined}
            >
              {decision.status === "DRAFT" ? t("toReview") : t("reopen")}
            </button>
          ) : null}
        </form>
      ) : null}
      {allowed.includes("DECIDED") ? (
        <form action={action} onSubmit={check} className="status-form" data-testid="decide-form">
          {hidden}
          <input type="hidden" name="to" value="DECIDED" />
          <h3>{t("decideTitle")}</h3>
          <div className="setup-field">
            <label htmlFor="status-chosen">{t("chosen")}</label>
            <select
              id="status-chosen"
              name="chosenCandidateId"
              defaultValue={values.chosenCandidateId ?? ""}
              aria-invalid={errors.chosenCandidateId ? true : undefined}
              aria-describedby={errors.chosenCandidateId ? "status-chosenCandidateId-error" : undefined}
            >
              <option value="">{t("pickCandidate")}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {err("chosenCandidateId")}
          </div>
          <div className="setup-field">
            <label htmlFor="status-rationale">{t("rationale")}</label>
            <textarea
              id="status-rationale"
              name="outcomeRationale"
              rows={3}
              defaultValue={values.outcomeRationale ?? ""}
              aria-invalid={errors.outcomeRationale ? true : undefined}
              aria-describedby={errors.outcomeRationale ? "status-outcomeRationale-error" : undefined}
            />
            {err("outcomeRationale")}
          </div>
          <button type="submit" className="button-primary" disabled={pending}>
            {t("decide")}
          </button>
        </form>
      ) : null}
      {allowed.includes("SUPERSEDED") ? (
        <form action={action} onSubmit={check} className="status-form" data-testid="supersede-form">
          {hidden}
          <input type="hidden" name="to" value="SUPERSEDED" />
          <div className="setup-field">
            <label htmlFor="status-superseded">{t("supersededBy")}</label>
            <select
              id="status-superseded"
              name="supersededById"
              defaultValue={values.supersededById ?? ""}
              aria-invalid={errors.supersededById ? true : undefined}
              aria-describedby={errors.supersededById ? "status-supersededById-error" : undefined}
            >
              <option value="">{t("pickDecision")}</option>
              {otherDecisions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
            {err("supersededById")}
          </div>
          <button type="submit" disabled={pending}>
            {t("supersede")}
          </button>
        </form>
      ) : null}
      <div role="status" aria-live="polite" className="form-status">
        {state && !state.ok && !state.fieldErrors ? <p className="form-error">{errorText(state.error)}</p> : null}
        {errors.to ? <p className="form-error">{errorText(errors.to)}</p> : null}
      </div>
    </div>
  );
}
