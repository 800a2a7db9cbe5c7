"use client";
// Each candidate's skill requirements, edited in place, with a live preview from the scoring engine (the same code the
// server runs): skill match, gaps, bus-factor risk flags and, when the decision has SKILL_MATCH criteria, the totals.
import { useFormatter, useTranslations } from "next-intl";
import { useId, useMemo, useState, type FormEvent } from "react";
import { ConflictNotice } from "@/components/teams/conflict-notice";
import { SaveStatus, useSaveTracker, useTeamErrorText } from "@/components/teams/save-status";
import { removeRequirementAction, saveRequirementAction } from "@/lib/actions/requirements";
import { evaluateDecision, skillMatches, teamVector } from "@/lib/scoring";
import type { DecisionModel, SkillRequirementInput, TeamAggregation, TeamInput } from "@/lib/scoring/types";
import type { RequirementView } from "@/lib/server/requirements";
import { minLevel as minLevelSchema, numberOrNull, requirementWeight } from "@/lib/validation/requirement";

type Named = { id: string; name: string };
type Draft = { weight: string; minLevel: string };

const validWeight = (text: string) => requirementWeight.safeParse(numberOrNull(text) ?? Number.NaN);
const validMin = (text: string) => minLevelSchema.safeParse(numberOrNull(text));

export function RequirementsEditor(props: {
  decisionId: string;
  candidates: Named[];
  skills: Named[];
  requirements: RequirementView[];
  team: (TeamInput & { name: string }) | null;
  aggregation: TeamAggregation;
  model: DecisionModel;
  editable: boolean;
}) {
  const t = useTranslations("teams");
  const format = useFormatter();
  const errorText = useTeamErrorText();
  const { state, track } = useSaveTracker();
  const [reqs, setReqs] = useState<RequirementView[]>(props.requirements);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [conflict, setConflict] = useState<{
    mine: { weight: number; minLevel: number | null } | null;
    theirs: RequirementView | null;
    candidateId: string;
    skillId: string;
  } | null>(null);

  const skillName = (id: string) => props.skills.find((s) => s.id === id)?.name ?? "";
  const candidateName = (id: string) => props.candidates.find((c) => c.id === id)?.name ?? "";
  const points = (v: number) => format.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const share = (v: number) =>
    format.number(v, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

  // The preview uses what is typed as soon as it is valid, before it is saved.
  const preview: SkillRequirementInput[] = useMemo(
    () =>
      reqs.map((r) => {
        const d = drafts[r.id];
        const w = d ? validWeight(d.weight) : null;
        const m = d ? validMin(d.minLevel) : null;
        return {
          candidateId: r.candidateId,
          skillId: r.skillId,
          weight: w?.success ? w.data : r.weight,
          minLevel: m?.success ? m.data : r.minLevel,
        };
      }),
    [reqs, drafts],
  );
  const teamResult = useMemo(
    () => (props.team ? teamVector(props.team, props.skills, props.aggregation) : null),
    [props.team, props.skills, props.aggregation],
  );
  const matches = useMemo(
    () =>
      skillMatches(
        props.candidates.map((c) => c.id),
        preview,
        teamResult,
      ),
    [props.candidates, preview, teamResult],
  );
  const hasSkillCriteria = props.model.criteria.some((c) => c.kind === "SKILL_MATCH");
  const totals = useMemo(
    () =>
      hasSkillCriteria
        ? evaluateDecision(
            { ...props.model, requirements: preview },
            { teamAggregation: props.aggregation, monteCarlo: { samples: 0 } },
          )
        : null,
    [hasSkillCriteria, props.model, preview, props.aggregation],
  );

  async function save(
    candidateId: string,
    skillId: string,
    weight: number,
    minLevel: number | null,
    version: number | null,
  ) {
    const r = await track(() =>
      saveRequirementAction({ decisionId: props.decisionId, candidateId, skillId, weight, minLevel, version }),
    );
    if (r.ok) {
      const row = r.data!;
      setReqs((prev) => [
        ...prev.filter((x) => x.id !== row.id && !(x.candidateId === candidateId && x.skillId === skillId)),
        row,
      ]);
      setDrafts((prev) => {
        const next = { ...prev };
        delete next[row.id];
        return next;
      });
      setConflict(null);
    } else if (r.error === "stale") {
      const theirs = (r.current as RequirementView | null) ?? null;
      setReqs((prev) => [
        ...prev.filter((x) => !(x.candidateId === candidateId && x.skillId === skillId)),
        ...(theirs ? [theirs] : []),
      ]);
      setDrafts({});
      setConflict({ mine: { weight, minLevel }, theirs, candidateId, skillId });
    }
    return r.ok;
  }

  async function remove(req: RequirementView) {
    const r = await track(() =>
      removeRequirementAction({ decisionId: props.decisionId, requirementId: req.id, version: req.version }),
    );
    if (r.ok || r.error === "notFound") setReqs((prev) => prev.filter((x) => x.id !== req.id));
    else if (r.error === "stale") {
      const theirs = r.current as RequirementView;
      setReqs((prev) => prev.map((x) => (x.id === theirs.id ? theirs : x)));
      setConflict({ mine: null, theirs, candidateId: req.candidateId, skillId: req.skillId });
    }
  }

  function commitDraft(req: RequirementView) {
    const d = drafts[req.id];
    if (!d) return;
    const w = validWeight(d.weight);
    const m = validMin(d.minLevel);
    if (!w.success || !m.success) return;
    if (w.data === req.weight && m.data === req.minLevel) return;
    void save(req.candidateId, req.skillId, w.data, m.data, req.version);
  }

  const describe = (v: { weight: number; minLevel: number | null } | null) =>
    v
      ? `${t("fields.weight")} ${format.number(v.weight, { maximumFractionDigits: 4 })}${v.minLevel !== null ? `, ${t("fields.minLevel")} ${v.minLevel}` : ""}`
      : t("conflict.removed");

  return (
    <div className="requirements-editor">
      {props.editable && <SaveStatus state={state} />}
      {conflict && (
        <ConflictNotice
          what={`${candidateName(conflict.candidateId)} · ${skillName(conflict.skillId)}`}
          theirs={describe(conflict.theirs)}
          yours={describe(conflict.mine)}
          onKeepTheirs={() => setConflict(null)}
          onUseMine={() => {
            const c = conflict;
            setConflict(null);
            if (c.mine) void save(c.candidateId, c.skillId, c.mine.weight, c.mine.minLevel, c.theirs?.version ?? null);
            else if (c.theirs) void remove(c.theirs);
          }}
        />
      )}
      {props.candidates.length === 0 && <p className="empty-state">{t("fit.noCandidates")}</p>}
      {props.candidates.map((c) => {
        const match = matches.find((m) => m.candidateId === c.id)!;
        const rows = reqs
          .filter((r) => r.candidateId === c.id)
          .sort((a, b) => skillName(a.skillId).localeCompare(skillName(b.skillId)));
        const result = new Map(match.requirements.map((r) => [r.skillId, r]));
        const gaps = match.requirements.filter((r) => r.gap > 0).length;
        return (
          <section key={c.id} className="candidate-fit" aria-labelledby={`fit-${c.id}`} data-candidate={c.name}>
            <h2 id={`fit-${c.id}`}>{c.name}</h2>
            <p className="fit-summary">
              {t("fit.match")}:{" "}
              <strong data-testid="skill-match-value">
                {match.match === null ? t("fit.noMatch") : points(match.match)}
              </strong>
              {match.match !== null && <span className="sub"> · {t("fit.gaps", { count: gaps })}</span>}
              {match.requirements
                .filter((r) => r.risk)
                .map((r) => (
                  <span key={r.skillId} className="flag flag-risk" data-testid="risk-flag">
                    {" "}
                    {skillName(r.skillId)}: {t("fit.riskFlag", { busFactor: r.busFactor, share: share(r.weight) })}
                  </span>
                ))}
            </p>
            {rows.length === 0 ? (
              <p className="empty-state">{t("fit.noRequirements")}</p>
            ) : (
              <div className="table-scroll">
                <table className="data-table requirements-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("fields.skill")}</th>
                      <th scope="col">{t("fields.weight")}</th>
                      <th scope="col">{t("fit.share")}</th>
                      <th scope="col">{t("fields.minLevel")}</th>
                      <th scope="col">{t("fit.teamLevel")}</th>
                      <th scope="col">{t("fit.gap")}</th>
                      <th scope="col">{t("vector.busFactor")}</th>
                      {props.editable && <th scope="col">{t("skills.actions")}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => {
                      const res = result.get(r.skillId);
                      const d = drafts[r.id] ?? {
                        weight: String(r.weight),
                        minLevel: r.minLevel === null ? "" : String(r.minLevel),
                      };
                      const wErr = validWeight(d.weight);
                      const mErr = validMin(d.minLevel);
                      const name = skillName(r.skillId);
                      const setDraft = (next: Partial<Draft>) =>
                        setDrafts((prev) => ({ ...prev, [r.id]: { ...d, ...next } }));
                      return (
                        <tr key={r.id} data-skill={name}>
                          <th scope="row">{name}</th>
                          <td>
                            {props.editable ? (
                              <>
                                <input
                                  aria-label={`${t("fields.weight")}: ${c.name}, ${name}`}
                                  inputMode="decimal"
                                  size={5}
                                  value={d.weight}
                                  aria-invalid={wErr.success ? undefined : true}
                                  aria-describedby={wErr.success ? undefined : `w-${r.id}-error`}
                                  onChange={(e) => setDraft({ weight: e.target.value })}
                                  onBlur={() => commitDraft(r)}
                                  onKeyDown={(e) => e.key === "Enter" && commitDraft(r)}
                                />
                                {!wErr.success && (
                                  <p id={`w-${r.id}-error`} className="field-error">
                                    {errorText(wErr.error.issues[0]?.message)}
                                  </p>
                                )}
                              </>
                            ) : (
                              format.number(r.weight, { maximumFractionDigits: 4 })
                            )}
                          </td>
                          <td>{res ? share(res.weight) : "—"}</td>
                          <td>
                            {props.editable ? (
                              <>
                                <input
                                  aria-label={`${t("fields.minLevel")}: ${c.name}, ${name}`}
                                  inputMode="decimal"
                                  size={4}
                                  value={d.minLevel}
                                  aria-invalid={mErr.success ? undefined : true}
                                  aria-describedby={mErr.success ? undefined : `m-${r.id}-error`}
                                  onChange={(e) => setDraft({ minLevel: e.target.value })}
                                  onBlur={() => commitDraft(r)}
                                  onKeyDown={(e) => e.key === "Enter" && commitDraft(r)}
                                />
                                {!mErr.success && (
                                  <p id={`m-${r.id}-error`} className="field-error">
                                    {errorText(mErr.error.issues[0]?.message)}
                                  </p>
                                )}
                              </>
                            ) : r.minLevel === null ? (
                              "—"
                            ) : (
                              r.minLevel
                            )}
                          </td>
                          <td data-testid="req-team-level">
                            {res ? (res.rated ? points(res.teamLevel) : t("fit.notRated")) : "—"}
                          </td>
                          <td data-testid="req-gap">
                            {res ? `${points(res.gap)} (${t("fit.target")} ${res.target})` : "—"}
                          </td>
                          <td data-testid="req-bus-factor">
                            {res ? res.busFactor : "—"}
                            {res?.risk ? <span className="flag flag-risk"> ⚠ {t("fit.risk")}</span> : null}
                          </td>
                          {props.editable && (
                            <td>
                              <button type="button" className="button-danger" onClick={() => void remove(r)}>
                                {t("fit.remove", { skill: name, candidate: c.name })}
                              </button>
                            </td>
                          )}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            {props.editable && (
              <AddRequirement
                candidate={c}
                skills={props.skills.filter((s) => !rows.some((r) => r.skillId === s.id))}
                onAdd={(skillId, w, m) => save(c.id, skillId, w, m, null)}
              />
            )}
          </section>
        );
      })}
      {totals && (
        <section aria-labelledby="fit-totals" className="fit-totals">
          <h2 id="fit-totals">{t("fit.totalsTitle")}</h2>
          <p className="hint">{t("fit.totalsLede")}</p>
          {totals.ok ? (
            <table className="data-table" data-testid="fit-totals">
              <thead>
                <tr>
                  <th scope="col">{t("fit.candidate")}</th>
                  <th scope="col">{t("fit.total")}</th>
                </tr>
              </thead>
              <tbody>
                {totals.result.ranking.map((r) => (
                  <tr key={r.candidateId} data-candidate={candidateName(r.candidateId)}>
                    <th scope="row">{candidateName(r.candidateId)}</th>
                    <td data-testid="fit-total">{points(r.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t("fit.totalsUnavailable", { reason: totals.errors.map((e) => e.message).join("; ") })}</p>
          )}
        </section>
      )}
    </div>
  );
}

function AddRequirement({
  candidate,
  skills,
  onAdd,
}: {
  candidate: Named;
  skills: Named[];
  onAdd: (skillId: string, weight: number, minLevel: number | null) => Promise<boolean>;
}) {
  const t = useTranslations("teams");
  const errorText = useTeamErrorText();
  const id = useId();
  const [skillId, setSkillId] = useState("");
  const [weight, setWeight] = useState("");
  const [min, setMin] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  if (skills.length === 0) return <p className="hint">{t("fit.allSkillsUsed")}</p>;
  const chosen = skillId || skills[0].id;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const w = validWeight(weight);
    const m = validMin(min);
    const errs = {
      weight: w.success ? undefined : w.error.issues[0]?.message,
      minLevel: m.success ? undefined : m.error.issues[0]?.message,
    };
    setErrors(errs);
    if (!w.success || !m.success) return;
    if (await onAdd(chosen, w.data, m.data)) {
      setWeight("");
      setMin("");
      setSkillId("");
    }
  };
  return (
    <form
      onSubmit={submit}
      className="inline-form add-requirement"
      noValidate
      aria-label={t("fit.addRequirement", { candidate: candidate.name })}
    >
      <div className="field">
        <label htmlFor={`${id}-skill`}>{t("fields.skill")}</label>
        <select id={`${id}-skill`} value={chosen} onChange={(e) => setSkillId(e.target.value)}>
          {skills.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {(["weight", "minLevel"] as const).map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`${id}-${f}`}>{t(`fields.${f}`)}</label>
          <input
            id={`${id}-${f}`}
            inputMode="decimal"
            size={5}
            value={f === "weight" ? weight : min}
            onChange={(e) => (f === "weight" ? setWeight(e.target.value) : setMin(e.target.value))}
            aria-invalid={errors[f] ? true : undefined}
            aria-describedby={errors[f] ? `${id}-${f}-error` : undefined}
          />
          {errors[f] && (
            <p id={`${id}-${f}-error`} className="field-error">
              {errorText(errors[f])}
            </p>
          )}
        </div>
      ))}
      <button type="submit" className="button-primary">
        {t("fit.add")}
      </button>
    </form>
  );
}
