"use client";
// Create or change a team: name, description and how members' ratings become the team's level.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { createTeamAction, updateTeamAction } from "@/lib/actions/teams";
import {
  createTeamSchema,
  fieldErrorsOf,
  TEAM_AGGREGATIONS,
  type FieldErrors,
  type TeamAggregationChoice,
} from "@/lib/validation/team";
import { ConflictNotice } from "./conflict-notice";
import { SaveStatus, useSaveTracker, useTeamErrorText } from "./save-status";

interface TeamFields {
  name: string;
  description: string;
  aggregation: TeamAggregationChoice;
}

export function TeamSettingsForm(props: {
  team?: TeamFields & { id: string; version: number };
  onCreated?: () => void;
}) {
  const t = useTranslations("teams");
  const errorText = useTeamErrorText();
  const router = useRouter();
  const id = useId();
  const { state, track } = useSaveTracker();
  const [values, setValues] = useState<TeamFields>(props.team ?? { name: "", description: "", aggregation: "top2" });
  const [version, setVersion] = useState(props.team?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<(TeamFields & { version: number }) | null>(null);

  async function save(fields: TeamFields, expected: number) {
    const parsed = createTeamSchema.safeParse(fields);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    if (!props.team) {
      const r = await track(() => createTeamAction(parsed.data));
      if (r.ok) {
        setValues({ name: "", description: "", aggregation: "top2" });
        props.onCreated?.();
        // The next step is adding members, which happens on the team's own page.
        router.push(`/teams/${r.data!.id}`);
      } else if (r.fieldErrors) setErrors(r.fieldErrors);
      return;
    }
    const r = await track(() => updateTeamAction({ ...parsed.data, teamId: props.team!.id, version: expected }));
    if (r.ok) {
      setVersion(r.data!.version);
      setConflict(null);
      router.refresh();
    } else if (r.error === "stale" && r.current) setConflict(r.current as TeamFields & { version: number });
    else if (r.fieldErrors) setErrors(r.fieldErrors);
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(values, version);
  };
  const field = (name: keyof TeamFields) => ({
    id: `${id}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });
  const fieldError = (name: keyof TeamFields) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {errorText(errors[name])}
      </p>
    ) : null;
  const summary = (v: TeamFields) =>
    `${v.name} · ${t(`aggregations.${v.aggregation}`)}${v.description ? ` · ${v.description}` : ""}`;

  return (
    <form onSubmit={onSubmit} className="team-form" noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("fields.name")}</label>
        <input
          {...field("name")}
          value={values.name}
          maxLength={120}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
        />
        {fieldError("name")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t("fields.description")}</label>
        <textarea
          {...field("description")}
          rows={2}
          value={values.description}
          onChange={(e) => setValues({ ...values, description: e.target.value })}
        />
        {fieldError("description")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-aggregation`}>{t("fields.aggregation")}</label>
        <select
          {...field("aggregation")}
          value={values.aggregation}
          onChange={(e) => setValues({ ...values, aggregation: e.target.value as TeamAggregationChoice })}
        >
          {TEAM_AGGREGATIONS.map((a) => (
            <option key={a} value={a}>
              {t(`aggregations.${a}`)}
            </option>
          ))}
        </select>
        {fieldError("aggregation")}
      </div>
      {conflict && (
        <ConflictNotice
          what={props.team!.name}
          theirs={summary(conflict)}
          yours={summary(values)}
          onKeepTheirs={() => {
            setValues({ name: conflict.name, description: conflict.description, aggregation: conflict.aggregation });
            setVersion(conflict.version);
            setConflict(null);
            router.refresh();
          }}
          onUseMine={() => void save(values, conflict.version)}
        />
      )}
      <button type="submit" className="button-primary" disabled={state.status === "saving"}>
        {props.team ? t("settings.save") : t("list.createButton")}
      </button>
      <SaveStatus state={state} />
    </form>
  );
}
