"use client";
// Side panel for the selected cell: what low and high mean, your rationale and evidence link, and (once the blind is
// lifted) everyone's scores. Saves through the same per-cell queue as the grid.
import { useFormatter, useTranslations } from "next-intl";
import { knownKey } from "@/lib/i18n/known-key";
import { useEffect, useId, useRef, useState } from "react";
import type { CandidateDto, CriterionDto, ScoreDto } from "@/lib/decisions/dto";
import type { CellResult } from "@/lib/scoring";
import {
  evidenceUrlSchema,
  parseScoreText,
  ratingBounds,
  RATIONALE_MAX,
  scoreValueProblem,
} from "@/lib/validation/score";
import { formatPoints, formatRaw } from "@/components/decisions/number-format";
import type { SaveOp } from "./use-score-saver";
import { safeHref } from "@/lib/validation/url";

export function ScorePanel(props: {
  criterion: CriterionDto;
  candidate: CandidateDto;
  mine: ScoreDto | null;
  myValue: number | null;
  canEdit: boolean;
  others: ScoreDto[];
  evaluatorNames: Record<string, string>;
  cell: CellResult | undefined;
  onSave: (op: SaveOp) => Promise<void>;
  onClose: () => void;
}) {
  const t = useTranslations("scores");
  const f = useFormatter();
  const id = useId();
  const { criterion, candidate, mine } = props;
  const [value, setValue] = useState(props.myValue === null ? "" : String(props.myValue));
  const [rationale, setRationale] = useState(mine?.rationale ?? "");
  const [evidence, setEvidence] = useState(mine?.evidenceUrl ?? "");
  const [errors, setErrors] = useState<{ value?: string; rationale?: string; evidenceUrl?: string }>({});
  const first = useRef<HTMLInputElement | HTMLButtonElement | null>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const { min, max } = ratingBounds(criterion);
  const msg = (key: string) => {
    const k = `errors.${key}`;
    return knownKey(t, k) ? t(k, { min: formatRaw(f, min), max: formatRaw(f, max) }) : t("errors.unknown");
  };

  const submit = () => {
    const next: typeof errors = {};
    const parsed = parseScoreText(value);
    const problem = parsed.ok ? scoreValueProblem(criterion, parsed.value) : parsed.error;
    if (problem) next.value = problem;
    if (rationale.length > RATIONALE_MAX) next.rationale = "rationaleTooLong";
    const url = evidenceUrlSchema.safeParse(evidence);
    if (!url.success) next.evidenceUrl = "evidenceUrlInvalid";
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed.ok) return;
    void props.onSave({ kind: "save", value: parsed.value, rationale, evidenceUrl: url.data });
  };

  const err = (field: keyof typeof errors) =>
    errors[field] ? (
      <p className="field-error" id={`${id}-${field}-error`} data-testid={`panel-error-${field}`}>
        {msg(errors[field]!)}
      </p>
    ) : null;
  const described = (field: keyof typeof errors, extra?: string) =>
    [errors[field] ? `${id}-${field}-error` : null, extra].filter(Boolean).join(" ") || undefined;

  return (
    <aside
      id="score-panel"
      className="score-panel"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          props.onClose();
        }
      }}
    >
      <h3 id={`${id}-title`}>{t("panel.title", { candidate: candidate.name, criterion: criterion.name })}</h3>
      {criterion.description ? <p className="hint">{criterion.description}</p> : null}
      {criterion.lowMeaning ? <p className="hint">{t("panel.low", { text: criterion.lowMeaning })}</p> : null}
      {criterion.highMeaning ? <p className="hint">{t("panel.high", { text: criterion.highMeaning })}</p> : null}

      {criterion.kind === "SKILL_MATCH" ? (
        <p>
          {t("panel.computed")} {props.cell?.points != null ? formatPoints(f, props.cell.points) : "—"}
        </p>
      ) : props.canEdit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-value`}>{t("panel.value")}</label>
            <input
              id={`${id}-value`}
              ref={(el) => {
                first.current = el;
              }}
              inputMode="decimal"
              autoComplete="off"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-invalid={errors.value ? true : undefined}
              aria-describedby={described("value")}
            />
            {err("value")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-rationale`}>{t("panel.rationale")}</label>
            <textarea
              id={`${id}-rationale`}
              rows={4}
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
              aria-invalid={errors.rationale ? true : undefined}
              aria-describedby={described("rationale")}
            />
            {err("rationale")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-evidence`}>{t("panel.evidence")}</label>
            <input
              id={`${id}-evidence`}
              type="url"
              autoComplete="off"
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              aria-invalid={errors.evidenceUrl ? true : undefined}
              aria-describedby={described("evidenceUrl", `${id}-evidence-hint`)}
            />
            <p className="hint" id={`${id}-evidence-hint`}>
              {t("panel.evidenceHint")}
            </p>
            {err("evidenceUrl")}
          </div>
          <div className="panel-actions">
            <button type="submit" className="primary">
              {t("panel.save")}
            </button>
            <button type="button" onClick={props.onClose}>
              {t("panel.close")}
            </button>
          </div>
        </form>
      ) : (
        <p className="hint">{t("panel.readOnly")}</p>
      )}

      {props.others.length > 0 || (!props.canEdit && mine) ? (
        <>
          <h4>{t("panel.others")}</h4>
          <ul className="plain others-list">
            {props.others.map((s) => (
              <li key={s.id}>
                <strong>{props.evaluatorNames[s.evaluatorId] ?? "—"}</strong>: {formatRaw(f, s.value)}
                {s.rationale ? <span className="sub">{s.rationale}</span> : null}
                {safeHref(s.evidenceUrl) ? (
                  <a className="sub" href={safeHref(s.evidenceUrl)!} rel="noopener noreferrer nofollow" target="_blank">
                    {t("panel.evidenceLink")}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!props.canEdit ? (
        <button
          type="button"
          ref={(el) => {
            first.current = el;
          }}
          onClick={props.onClose}
        >
          {t("panel.close")}
        </button>
      ) : null}
    </aside>
  );
}
