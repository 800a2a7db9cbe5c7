"use client";
// The measured facts of a decision: one table per METRIC criterion, one row per candidate (value, unit, measured-on
// day, source link, how it was measured). Entered once for everybody, so there are no evaluators here. Each row saves
// as the architect types (after a pause, at the latest on leaving the field), one request at a time, with the
// versioned-row conflict box when a colleague corrected the same fact first.
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type KeyboardEvent } from "react";
import { clearFactAction, setFactAction } from "@/lib/actions/facts";
import type { CandidateDto, CriterionDto } from "@/lib/decisions/dto";
import type { FactDto } from "@/lib/decisions/fact-dto";
import type { ActionResult } from "@/lib/server/action-result";
import { factFieldsSchema, parseFactValueText, todayIso } from "@/lib/validation/fact";
import { formatRaw } from "@/components/decisions/number-format";
import { useAutosave, type RunResult } from "@/components/setup/use-autosave";
import { ConflictNotice } from "@/components/teams/conflict-notice";
import { PointsBasis } from "./points-basis";
import "./facts.css";

type Field = "value" | "unit" | "measuredOn" | "sourceUrl" | "note";
type Draft = Record<Field, string>;
type ErrorKey = Parameters<ReturnType<typeof useTranslations<"facts.errors">>>[0];

const keyOf = (criterionId: string, candidateId: string) => `${criterionId}:${candidateId}`;

function draftOf(f: FactDto | undefined, c: CriterionDto): Draft {
  return {
    value: f ? String(f.value) : "",
    unit: f?.unit ?? c.unit ?? "",
    measuredOn: f?.measuredOn ?? todayIso(),
    sourceUrl: f?.sourceUrl ?? "",
    note: f?.note ?? "",
  };
}

export function FactsEditor(props: {
  decisionId: string;
  criteria: CriterionDto[];
  candidates: CandidateDto[];
  facts: FactDto[];
  canEdit: boolean;
  locked: boolean;
}) {
  const t = useTranslations("facts");
  const f = useFormatter();
  const router = useRouter();
  const autosave = useAutosave();
  const [saved, setSavedState] = useState(
    () => new Map(props.facts.map((x) => [keyOf(x.criterionId, x.candidateId), x])),
  );
  const savedRef = useRef(saved);
  const setSaved = (key: string, fact: FactDto | null) => {
    const next = new Map(savedRef.current);
    if (fact) next.set(key, fact);
    else next.delete(key);
    savedRef.current = next;
    setSavedState(next);
  };
  const [drafts, setDraftsState] = useState<Record<string, Draft>>({});
  const draftsRef = useRef(drafts);
  const setDraft = (key: string, d: Draft | undefined) => {
    const next = { ...draftsRef.current };
    if (d) next[key] = d;
    else delete next[key];
    draftsRef.current = next;
    setDraftsState(next);
  };
  const [errors, setErrors] = useState<Record<string, Partial<Record<Field | "form", string>>>>({});
  const [conflicts, setConflicts] = useState<Record<string, { theirs: FactDto | null; mine: Draft }>>({});
  const inputs = useRef(new Map<string, HTMLInputElement | null>());

  const errorText = (code: string | undefined) =>
    code
      ? t.has(`errors.${code}` as `errors.${ErrorKey}`)
        ? t(`errors.${code as ErrorKey}`)
        : t("errors.unknown")
      : null;

  /** Sends the row's current draft; true when saved or when a field message or conflict box now explains why not. */
  const run = (criterion: CriterionDto, candidateId: string, base?: FactDto | null) => async (): Promise<RunResult> => {
    const key = keyOf(criterion.id, candidateId);
    const draft = draftsRef.current[key];
    if (!draft) return true;
    const stored = base !== undefined ? base : (savedRef.current.get(key) ?? null);
    const ids = { decisionId: props.decisionId, criterionId: criterion.id, candidateId };
    if (draft.value.trim() === "") {
      // Nothing stored and no value yet: keep what was typed (a source, a date) until the value arrives.
      if (!stored) return true;
      const result = await clearFactAction({ ...ids, version: stored.version });
      if (result.ok) {
        setSaved(key, null);
        if (draftsRef.current[key] === draft) setDraft(key, undefined);
        setErrors((e) => ({ ...e, [key]: {} }));
        router.refresh();
        return true;
      }
      return settleFailure(key, draft, result);
    }
    const checked = check(draft);
    if (!checked.ok) {
      setErrors((e) => ({ ...e, [key]: checked.errors }));
      return true;
    }
    // The schema reads an empty unit as "no unit".
    const result = await setFactAction({
      ...ids,
      ...checked.value,
      unit: checked.value.unit ?? "",
      version: stored?.version ?? null,
    });
    if (result.ok && result.data) {
      setSaved(key, result.data);
      if (draftsRef.current[key] === draft) setDraft(key, undefined);
      setErrors((e) => ({ ...e, [key]: {} }));
      router.refresh();
      return true;
    }
    return settleFailure(key, draft, result);
  };

  const settleFailure = (key: string, draft: Draft, result: ActionResult<unknown>): RunResult => {
    if (result.ok) return true;
    if (result.error === "stale") {
      setConflicts((c) => ({ ...c, [key]: { theirs: (result.current as FactDto | null) ?? null, mine: draft } }));
      return "conflict";
    }
    if (result.fieldErrors) {
      setErrors((e) => ({ ...e, [key]: result.fieldErrors as Partial<Record<Field, string>> }));
      return true;
    }
    setErrors((e) => ({ ...e, [key]: { form: result.error } }));
    return result.error === "decisionLocked" || result.error === "forbidden" || result.error === "notFound";
  };

  const edit = (criterion: CriterionDto, candidateId: string, field: Field, text: string) => {
    const key = keyOf(criterion.id, candidateId);
    const current = draftsRef.current[key] ?? draftOf(savedRef.current.get(key), criterion);
    const next = { ...current, [field]: text };
    setDraft(key, next);
    const checked = next.value.trim() === "" ? { ok: true as const } : check(next);
    setErrors((e) => ({ ...e, [key]: checked.ok ? {} : checked.errors }));
    if (conflicts[key] || !checked.ok) {
      autosave.cancel(key);
      return;
    }
    autosave.schedule(key, run(criterion, candidateId));
  };

  const blur = (criterion: CriterionDto, candidateId: string) => {
    const key = keyOf(criterion.id, candidateId);
    if (!conflicts[key]) autosave.flush(key, run(criterion, candidateId));
  };

  const onKeyDown = (criterion: CriterionDto, row: number, field: Field) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    blur(criterion, props.candidates[row].id);
    const next = props.candidates[row + 1];
    if (next) inputs.current.get(`${keyOf(criterion.id, next.id)}:${field}`)?.focus();
  };

  const resolve = (criterion: CriterionDto, candidateId: string, choice: "theirs" | "mine") => {
    const key = keyOf(criterion.id, candidateId);
    const conflict = conflicts[key];
    if (!conflict) return;
    setConflicts((c) => {
      const next = { ...c };
      delete next[key];
      return next;
    });
    setSaved(key, conflict.theirs);
    if (choice === "theirs") {
      autosave.cancel(key);
      setDraft(key, undefined);
    } else {
      setDraft(key, conflict.mine);
      void autosave.start(key, run(criterion, candidateId, conflict.theirs));
    }
  };

  const editable = props.canEdit && !props.locked;
  const status = autosave.state;

  return (
    <section className="facts" aria-labelledby="facts-heading" data-testid="facts">
      <h2 id="facts-heading">{t("title")}</h2>
      <p className="lede">{t("lede")}</p>
      {props.locked ? (
        <p className="callout">{t("lockedNotice")}</p>
      ) : !props.canEdit ? (
        <p className="callout">{t("readOnlyNotice")}</p>
      ) : (
        <p className="hint">{t("keyboardHelp")}</p>
      )}
      {editable ? (
        <p role="status" className={`save-status save-${status}`} data-testid="facts-status">
          {status === "saving"
            ? t("status.saving")
            : status === "failed"
              ? t("status.failed")
              : status === "conflict"
                ? t("status.conflict")
                : t("status.saved")}
        </p>
      ) : null}
      {props.criteria.map((cr) => {
        const values = props.candidates.map((ca) => saved.get(keyOf(cr.id, ca.id))?.value ?? null);
        return (
          <div className="table-scroll" key={cr.id}>
            <table className="data-table facts-table" data-testid="facts-table" data-criterion={cr.name}>
              <caption>
                <strong>{t("caption", { criterion: cr.name })}</strong>
                {cr.unit ? <span className="sub">{cr.unit}</span> : null}
                <span className="sub">{t(`direction.${cr.direction}`)}</span>
                <PointsBasis criterion={cr} values={values} />
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.candidate")}</th>
                  <th scope="col" className="num">
                    {t("columns.value")}
                  </th>
                  <th scope="col">{t("columns.unit")}</th>
                  <th scope="col">{t("columns.measuredOn")}</th>
                  <th scope="col">{t("columns.source")}</th>
                  <th scope="col">{t("columns.note")}</th>
                  <th scope="col">{t("columns.enteredBy")}</th>
                </tr>
              </thead>
              <tbody>
                {props.candidates.map((ca, row) => {
                  const key = keyOf(cr.id, ca.id);
                  const fact = saved.get(key);
                  const rowErrors = errors[key] ?? {};
                  const conflict = conflicts[key];
                  const names = { candidate: ca.name, criterion: cr.name };
                  if (!editable) {
                    return (
                      <tr key={ca.id} data-candidate={ca.name}>
                        <th scope="row">{ca.name}</th>
                        <td className="num" data-testid="fact-value">
                          {fact ? formatRaw(f, fact.value) : <span className="missing">{t("notMeasured")}</span>}
                        </td>
                        <td>{fact?.unit ?? cr.unit ?? ""}</td>
                        <td>{fact ? fact.measuredOn : ""}</td>
                        <td>
                          {fact?.sourceUrl ? (
                            <a href={fact.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
                              {t("source")}
                            </a>
                          ) : null}
                        </td>
                        <td>{fact?.note ?? ""}</td>
                        <td>{fact?.enteredByName ?? ""}</td>
                      </tr>
                    );
                  }
                  const d = drafts[key] ?? draftOf(fact, cr);
                  const input = (
                    field: Field,
                    type: "text" | "date" | "url",
                    extra: { inputMode?: "decimal" } = {},
                  ) => {
                    const err = errorText(rowErrors[field]);
                    const id = `fact-${cr.id}-${ca.id}-${field}`;
                    return (
                      <>
                        <input
                          id={id}
                          ref={(el) => {
                            inputs.current.set(`${key}:${field}`, el);
                          }}
                          type={type}
                          value={d[field]}
                          aria-label={t(`label.${field === "sourceUrl" ? "source" : field}`, names)}
                          aria-invalid={err ? true : undefined}
                          aria-describedby={err ? `${id}-error` : undefined}
                          onChange={(e) => edit(cr, ca.id, field, e.target.value)}
                          onBlur={() => blur(cr, ca.id)}
                          onKeyDown={onKeyDown(cr, row, field)}
                          {...extra}
                        />
                        {err ? (
                          <span className="field-error" id={`${id}-error`}>
                            {err}
                          </span>
                        ) : null}
                      </>
                    );
                  };
                  return (
                    <tr key={ca.id} data-candidate={ca.name}>
                      <th scope="row">{ca.name}</th>
                      <td className="num">{input("value", "text", { inputMode: "decimal" })}</td>
                      <td>{input("unit", "text")}</td>
                      <td>{input("measuredOn", "date")}</td>
                      <td>{input("sourceUrl", "url")}</td>
                      <td>
                        {input("note", "text")}
                        {rowErrors.form ? (
                          <span className="field-error" role="alert">
                            {errorText(rowErrors.form)}
                          </span>
                        ) : null}
                        {conflict ? (
                          <ConflictNotice
                            what={t("conflict.what", names)}
                            theirs={
                              conflict.theirs
                                ? describe(conflict.theirs.value, conflict.theirs.unit)
                                : t("conflict.none")
                            }
                            yours={
                              conflict.mine.value.trim() === ""
                                ? t("conflict.none")
                                : describe(conflict.mine.value, conflict.mine.unit)
                            }
                            onKeepTheirs={() => resolve(cr, ca.id, "theirs")}
                            onUseMine={() => resolve(cr, ca.id, "mine")}
                          />
                        ) : null}
                      </td>
                      <td>{fact?.enteredByName ?? ""}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

function describe(value: number | string, unit: string | null): string {
  return unit ? `${value} ${unit}` : String(value);
}

/** The shared zod rules on a row's text; field codes are keys under facts.errors. */
function check(
  d: Draft,
):
  | { ok: true; value: ReturnType<typeof factFieldsSchema.parse> }
  | { ok: false; errors: Partial<Record<Field, string>> } {
  const number = parseFactValueText(d.value);
  const parsed = factFieldsSchema.safeParse({
    value: number.ok ? number.value : Number.NaN,
    unit: d.unit,
    measuredOn: d.measuredOn,
    sourceUrl: d.sourceUrl,
    note: d.note,
  });
  const errors: Partial<Record<Field, string>> = {};
  if (!number.ok) errors.value = number.error;
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as Field;
      errors[field] ??= issue.message;
    }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
