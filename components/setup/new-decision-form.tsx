"use client";
// New decision: a title, optionally the owning team and a template to start from. A plain form (works without
// JavaScript); with JavaScript the shared schema checks it before it is sent.
import { useTranslations } from "next-intl";
import { knownKey } from "@/lib/i18n/known-key";
import { useActionState, useState } from "react";
import { createDecisionAction } from "@/lib/actions/decisions";
import type { TeamOption } from "@/lib/server/decisions";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/auth";
import { createDecisionSchema } from "@/lib/validation/decision";
import { useSetupErrorText } from "./field-controls";

export function NewDecisionForm({
  teams,
  templates,
  initialTemplate = "",
}: {
  teams: TeamOption[];
  templates: { key: string; title: string; criteria: number; candidates: number }[];
  initialTemplate?: string;
}) {
  const t = useTranslations("setup.new");
  const templateName = (key: string, fallback: string) => {
    const k = `templates.${key}`;
    return knownKey(t, k) ? t(k) : fallback;
  };
  const [state, action, pending] = useActionState(createDecisionAction, null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errorText = useSetupErrorText();
  const errors: FieldErrors = clientErrors ?? (state && !state.ok ? (state.fieldErrors ?? {}) : {});
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const [title, setTitle] = useState(values.title ?? templates.find((x) => x.key === initialTemplate)?.title ?? "");
  const [template, setTemplate] = useState(values.template ?? initialTemplate);
  return (
    <form
      action={action}
      className="setup-form"
      noValidate
      onSubmit={(e) => {
        const fields = Object.fromEntries([...new FormData(e.currentTarget)].filter(([, v]) => typeof v === "string"));
        const parsed = createDecisionSchema.safeParse(fields);
        if (!parsed.success) {
          e.preventDefault();
          setClientErrors(fieldErrorsOf(parsed.error));
        } else setClientErrors(null);
      }}
    >
      <fieldset className="template-choice">
        <legend>{t("startFrom")}</legend>
        <div className="radio">
          <input
            type="radio"
            id="template-blank"
            name="template"
            value=""
            checked={template === ""}
            onChange={() => setTemplate("")}
          />
          <label htmlFor="template-blank">{t("blank")}</label>
        </div>
        {templates.map((tpl) => (
          <div className="radio" key={tpl.key}>
            <input
              type="radio"
              id={`template-${tpl.key}`}
              name="template"
              value={tpl.key}
              checked={template === tpl.key}
              onChange={() => {
                // Offer the template's title when the user has not typed one of their own.
                if (!title || templates.some((x) => x.title === title)) setTitle(tpl.title);
                setTemplate(tpl.key);
              }}
              aria-describedby={`template-${tpl.key}-hint`}
            />
            <label htmlFor={`template-${tpl.key}`}>{templateName(tpl.key, tpl.title)}</label>
            <span id={`template-${tpl.key}-hint`} className="hint">
              {t("templateHint", { criteria: tpl.criteria, candidates: tpl.candidates })}
            </span>
          </div>
        ))}
      </fieldset>
      <div className="setup-field">
        <label htmlFor="new-title">{t("title")}</label>
        <input
          id="new-title"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? "new-title-error" : undefined}
        />
        {errors.title ? (
          <p id="new-title-error" className="field-error">
            {errorText(errors.title)}
          </p>
        ) : null}
      </div>
      <div className="setup-field">
        <label htmlFor="new-team">{t("team")}</label>
        <select id="new-team" name="teamId" defaultValue={values.teamId ?? ""}>
          <option value="">{t("noTeam")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        {errors.teamId ? <p className="field-error">{errorText(errors.teamId)}</p> : null}
      </div>
      <div role="status" aria-live="polite" className="form-status">
        {state && !state.ok && !state.fieldErrors ? <p className="form-error">{errorText(state.error)}</p> : null}
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
