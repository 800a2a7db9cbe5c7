"use client";
// The team's level per skill (with the aggregation named), its bus factor, and the lead's overrides with a reason.
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import type { TeamAggregation, TeamResult } from "@/lib/scoring";
import { parseLevel, setOverrideSchema } from "@/lib/validation/rating";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/team";
import { levelColour } from "./level-colour";
import { useTeamErrorText } from "./save-status";
import type { GridSkill } from "./rating-grid";

export interface OverrideState {
  level: number;
  reason: string;
  version: number;
}

function OverrideForm(props: {
  skill: GridSkill;
  teamId: string;
  current: OverrideState | undefined;
  onSave: (level: number, reason: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("teams");
  const errorText = useTeamErrorText();
  const id = useId();
  const [level, setLevel] = useState(props.current ? String(props.current.level) : "");
  const [reason, setReason] = useState(props.current?.reason ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsedLevel = parseLevel(level);
    const parsed = setOverrideSchema.safeParse({
      teamId: props.teamId,
      skillId: props.skill.id,
      level: parsedLevel.ok ? parsedLevel.value : Number.NaN,
      reason,
      version: null,
    });
    const errs: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if (!parsedLevel.ok) errs.level = parsedLevel.error;
    if (Object.keys(errs).length > 0) return setErrors(errs);
    props.onSave(parsed.data!.level, parsed.data!.reason);
  };
  return (
    <form onSubmit={submit} className="inline-form override-form" noValidate>
      <div className="field">
        <label htmlFor={`${id}-level`}>{t("fields.level")}</label>
        <input
          id={`${id}-level`}
          inputMode="decimal"
          size={4}
          value={level}
          onChange={(e) => setLevel(e.target.value)}
          aria-invalid={errors.level ? true : undefined}
          aria-describedby={errors.level ? `${id}-level-error` : undefined}
        />
        {errors.level && (
          <p id={`${id}-level-error`} className="field-error">
            {errorText(errors.level)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("fields.reason")}</label>
        <input
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
        />
        {errors.reason && (
          <p id={`${id}-reason-error`} className="field-error">
            {errorText(errors.reason)}
          </p>
        )}
      </div>
      <button type="submit" className="button-primary">
        {t("vector.saveOverride")}
      </button>
      <button type="button" className="button-secondary" onClick={props.onCancel}>
        {t("vector.cancel")}
      </button>
    </form>
  );
}

export function TeamVector(props: {
  teamId: string;
  skills: GridSkill[];
  vector: TeamResult;
  aggregation: TeamAggregation;
  overrides: Record<string, OverrideState | undefined>;
  canEdit: boolean;
  onSetOverride: (skillId: string, level: number, reason: string) => void;
  onClearOverride: (skillId: string) => void;
}) {
  const t = useTranslations("teams");
  const format = useFormatter();
  const id = useId();
  const [open, setOpen] = useState<string | null>(null);
  const points = (v: number | null) =>
    v === null ? t("vector.none") : format.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const byId = new Map(props.vector.skills.map((s) => [s.skillId, s]));
  return (
    <section aria-labelledby={`${id}-title`} className="team-vector">
      <h2 id={`${id}-title`}>{t("vector.title")}</h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="team-vector">
          <caption>{t("vector.caption", { aggregation: t(`aggregations.${props.aggregation}`) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("vector.skill")}</th>
              <th scope="col">{t("vector.level")}</th>
              <th scope="col">{t("vector.aggregated")}</th>
              <th scope="col">{t("vector.busFactor")}</th>
              <th scope="col">{t("vector.rated")}</th>
              <th scope="col">{t("vector.override")}</th>
            </tr>
          </thead>
          <tbody>
            {props.skills.map((s) => {
              const v = byId.get(s.id);
              const o = props.overrides[s.id];
              return (
                <tr key={s.id} data-skill={s.name}>
                  <th scope="row">{s.name}</th>
                  <td data-testid="team-level" style={{ background: levelColour(v?.level) }}>
                    {points(v?.level ?? null)}
                  </td>
                  <td data-testid="aggregated-level">{points(v?.aggregated ?? null)}</td>
                  <td data-testid="bus-factor">
                    {v?.busFactor ?? 0}
                    {v && v.ratedCount > 0 && v.busFactor < 2 ? <span className="flag flag-risk"> ⚠</span> : null}
                  </td>
                  <td>{v?.ratedCount ?? 0}</td>
                  <td>
                    {o ? (
                      <span data-testid="override-reason">{t("vector.overridden", { reason: o.reason })}</span>
                    ) : null}
                    {props.canEdit && open !== s.id && (
                      <span className="row-actions">
                        <button type="button" className="button-secondary" onClick={() => setOpen(s.id)}>
                          {t("vector.setOverride", { skill: s.name })}
                        </button>
                        {o && (
                          <button type="button" className="button-danger" onClick={() => props.onClearOverride(s.id)}>
                            {t("vector.clearOverride", { skill: s.name })}
                          </button>
                        )}
                      </span>
                    )}
                    {props.canEdit && open === s.id && (
                      <OverrideForm
                        skill={s}
                        teamId={props.teamId}
                        current={o}
                        onCancel={() => setOpen(null)}
                        onSave={(level, reason) => {
                          setOpen(null);
                          props.onSetOverride(s.id, level, reason);
                        }}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
