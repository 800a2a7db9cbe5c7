// The change summary in words ("Ada Architect changed the weight of Community activity from 15 to 20") instead of
// audit codes. Two pure steps: describeChange turns one audit row into names and values (run by the data layer, which
// has the decision's current names and the snapshots of removed parts), and changeSentence says it in a language.
import type { ChangeEntry, ChangeValue, ReportBundle } from "./bundle";
import type { Formatters, ReportT } from "./i18n";

export interface AuditRow {
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** id → display name for the decision's parts, current and removed. */
export interface ChangeNames {
  criterion: (id: unknown) => string | null;
  candidate: (id: unknown) => string | null;
  skill: (id: unknown) => string | null;
}

const rec = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const value = (v: unknown): ChangeValue =>
  v === null || v === undefined
    ? null
    : typeof v === "number" || typeof v === "string" || typeof v === "boolean"
      ? v
      : null;

/** Names found in creation and removal snapshots, for parts that no longer exist. */
export function snapshotNames(rows: readonly AuditRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of rows) {
    if (!r.entityId) continue;
    const snap = rec(rec(r.before).row);
    const name = snap.name ?? rec(r.after).name ?? rec(r.before).name;
    if (typeof name === "string" && !names.has(r.entityId)) names.set(r.entityId, name);
  }
  return names;
}

/** Keys of before/after that hold the id of a part describeChange names. */
const ID_KEYS = [
  "parentId",
  "criterionId",
  "candidateId",
  "criterionAId",
  "criterionBId",
  "candidateAId",
  "candidateBId",
  "skillId",
] as const;

/** Every id a row's sentence may look a name up for: its entity and the parts its before/after point to. */
export function referencedIds(rows: readonly AuditRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.entityId) ids.add(r.entityId);
    for (const side of [rec(r.before), rec(r.after)])
      for (const k of ID_KEYS) if (typeof side[k] === "string") ids.add(side[k]);
  }
  return [...ids];
}

export function describeChange(r: AuditRow, names: ChangeNames): ChangeEntry {
  const before = rec(r.before);
  const after = rec(r.after);
  const base: ChangeEntry = { at: r.at, actorName: r.actorName, action: r.action, entityType: r.entityType };
  const field = Object.keys(after)[0] ?? Object.keys(before)[0] ?? null;
  const fieldChange = () => ({ field, from: value(before[field ?? ""]), to: value(after[field ?? ""]) });
  const cell = { ...before, ...after };
  switch (r.action) {
    case "criterion.created":
    case "criterion.removed":
    case "criterion.restored":
      return { ...base, criterion: names.criterion(r.entityId) };
    case "criterion.updated":
      // A move in the criteria tree names the groups, not their ids (null: the top level).
      if ("parentId" in after && Object.keys(after).length === 1) {
        const group = (id: unknown) => (typeof id === "string" ? names.criterion(id) : null);
        return {
          ...base,
          criterion: names.criterion(r.entityId),
          field: "parentId",
          from: group(before.parentId),
          to: group(after.parentId),
        };
      }
      return { ...base, criterion: names.criterion(r.entityId), ...fieldChange() };
    case "criterion.referencesFixed":
      // The worst and best ends the first measurements fixed (lib/server/auto-references.ts).
      return { ...base, criterion: names.criterion(r.entityId), from: value(after.worst), to: value(after.best) };
    case "candidate.created":
    case "candidate.removed":
    case "candidate.restored":
      return { ...base, candidate: names.candidate(r.entityId) };
    case "candidate.updated":
      return { ...base, candidate: names.candidate(r.entityId), ...fieldChange() };
    case "decision.updated":
      return { ...base, ...fieldChange() };
    case "decision.status_changed":
    case "decision.reopened":
      return { ...base, field: "status", from: value(before.status), to: value(after.status) };
    case "score.created":
    case "score.updated":
    case "score.deleted":
      return {
        ...base,
        criterion: names.criterion(cell.criterionId),
        candidate: names.candidate(cell.candidateId),
        from: value(before.value),
        to: value(after.value),
      };
    case "judgment.created":
    case "judgment.updated":
      return {
        ...base,
        criterion: names.criterion(after.criterionAId),
        criterionB: names.criterion(after.criterionBId),
        from: value(before.value),
        to: value(after.value),
      };
    case "candidateJudgment.created":
    case "candidateJudgment.updated":
      return {
        ...base,
        criterion: names.criterion(after.criterionId),
        candidate: names.candidate(after.candidateAId),
        candidateB: names.candidate(after.candidateBId),
        from: value(before.value),
        to: value(after.value),
      };
    case "requirement.created":
    case "requirement.updated":
    case "requirement.removed":
      return {
        ...base,
        candidate: names.candidate(cell.candidateId),
        skill: names.skill(cell.skillId),
        from: value(before.weight),
        to: value(after.weight),
      };
    case "scenario.created":
      return { ...base, name: typeof after.name === "string" ? after.name : null };
    default:
      return base;
  }
}

/** Fields a change sentence can name; anything else is "settings". */
const FIELDS = [
  "name",
  "title",
  "description",
  "context",
  "weight",
  "kind",
  "direction",
  "scaleMin",
  "scaleMax",
  "unit",
  "worst",
  "best",
  "valueCurve",
  "autoReferences",
  "pairwise",
  "threshold",
  "currency",
  "lowMeaning",
  "highMeaning",
  "link",
  "outcomeRationale",
  "teamId",
] as const;
/** Audit entity types that concern a decision or its parts; sign-ins and team edits are not part of its story. */
export const DECISION_ENTITY_TYPES = [
  "Decision",
  "Criterion",
  "Candidate",
  "Score",
  "PairwiseJudgment",
  "CandidateJudgment",
  "SkillRequirement",
  "Scenario",
  "ShareLink",
] as const;
/** Longer texts are named, not quoted: a changed context is a paragraph, not a sentence part. */
const QUOTE_LIMIT = 60;

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

export function changeSentence(c: ChangeEntry, t: ReportT, f: Formatters): string {
  const unknown = t("changes.unknownItem");
  const p = {
    criterion: c.criterion ?? unknown,
    criterionB: c.criterionB ?? unknown,
    candidate: c.candidate ?? unknown,
    candidateB: c.candidateB ?? unknown,
    skill: c.skill ?? unknown,
    name: c.name ?? unknown,
  };
  const field = isOneOf(FIELDS, c.field) ? t(`changes.fields.${c.field}`) : t("changes.fields.other");
  const show = (v: ChangeValue | undefined): string => {
    if (v === null || v === undefined || v === "") return t("changes.empty");
    if (typeof v === "number") return f.raw(v);
    if (typeof v === "boolean") return t(v ? "changes.on" : "changes.off");
    if (c.field === "kind" && (v === "RATING" || v === "METRIC" || v === "SKILL_MATCH")) return t(`kinds.${v}`);
    if (c.field === "direction" && (v === "BENEFIT" || v === "COST")) return t(`directions.${v}`);
    if (c.field === "status" && (v === "DRAFT" || v === "IN_REVIEW" || v === "DECIDED" || v === "SUPERSEDED"))
      return t(`status.${v}`);
    return `“${v}”`;
  };
  const long = [c.from, c.to].some((v) => typeof v === "string" && v.length > QUOTE_LIMIT) || c.field === "teamId";
  const from = show(c.from);
  const to = show(c.to);
  const what = ((): string => {
    switch (c.action) {
      case "decision.created":
        return t("changes.decisionCreated");
      case "decision.duplicated":
        return t("changes.decisionDuplicated");
      case "decision.imported":
        return t("changes.decisionImported");
      case "decision.reopened":
        return t("changes.decisionReopened");
      case "decision.archived":
        return t("changes.decisionArchived");
      case "decision.unarchived":
        return t("changes.decisionUnarchived");
      case "decision.status_changed":
        return t("changes.decisionStatus", { from, to });
      case "decision.updated":
        return long ? t("changes.decisionFieldText", { field }) : t("changes.decisionField", { field, from, to });
      case "criterion.created":
        return t("changes.criterionCreated", p);
      case "criterion.updated":
        if (c.field === "parentId")
          return c.to === null || c.to === undefined
            ? t("changes.criterionMovedTop", p)
            : t("changes.criterionMoved", { ...p, group: String(c.to) });
        return long
          ? t("changes.criterionFieldText", { ...p, field })
          : t("changes.criterionField", { ...p, field, from, to });
      case "criterion.referencesFixed":
        return t("changes.referencesFixed", { ...p, worst: from, best: to });
      case "criterion.reordered":
        return t("changes.criterionReordered");
      case "criterion.removed":
        return t("changes.criterionRemoved", p);
      case "criterion.restored":
        return t("changes.criterionRestored", p);
      case "criteria.ahp_weights_applied":
        return t("changes.ahpApplied");
      case "candidate.created":
        return t("changes.candidateCreated", p);
      case "candidate.updated":
        return long
          ? t("changes.candidateFieldText", { ...p, field })
          : t("changes.candidateField", { ...p, field, from, to });
      case "candidate.reordered":
        return t("changes.candidateReordered");
      case "candidate.removed":
        return t("changes.candidateRemoved", p);
      case "candidate.restored":
        return t("changes.candidateRestored", p);
      case "score.created":
        return t("changes.scoreCreated", { ...p, to });
      case "score.updated":
        return t("changes.scoreUpdated", { ...p, from, to });
      case "score.deleted":
        return t("changes.scoreDeleted", p);
      case "judgment.created":
        return t("changes.judgmentCreated", { ...p, to });
      case "judgment.updated":
        return t("changes.judgmentUpdated", { ...p, from, to });
      case "candidateJudgment.created":
        return t("changes.candidateJudgmentCreated", { ...p, to });
      case "candidateJudgment.updated":
        return t("changes.candidateJudgmentUpdated", { ...p, from, to });
      case "requirement.created":
      case "requirement.updated":
        return t("changes.requirementSet", { ...p, to });
      case "requirement.removed":
        return t("changes.requirementRemoved", p);
      case "scenario.created":
        return t("changes.scenarioCreated", p);
      case "share_link.created":
        return t("changes.shareCreated");
      case "share_link.revoked":
        return t("changes.shareRevoked");
      default:
        return t("changes.other", {
          entity: isOneOf(DECISION_ENTITY_TYPES, c.entityType)
            ? t(`changes.entities.${c.entityType}`)
            : t("changes.entities.other"),
        });
    }
  })();
  return t("changes.entry", { actor: c.actorName ?? t("changes.someone"), what });
}

/** When the decision last changed: the newest change in the list, so the heading never predates a listed change. */
export function lastChangedAt(b: Pick<ReportBundle, "changes" | "decision">): string {
  const newest = b.changes[0]?.at;
  return newest ?? b.decision.updatedAt;
}
