// The Stackwise decision exchange format (JSON), version 1. Everything is referenced by name or email, never by id,
// so a file can move between workspaces and the export → import → export round trip is identical apart from ids and
// timestamps (which the format does not carry). Arrays keep the decision's order (criteria, candidates by position;
// scores and judgments sorted by their names) so two exports of the same decision are byte-identical.
//
// An imported file passes exactly the rules the editors enforce, by reusing their schemas and row checks: field
// parsers (criterion, candidate, score, requirement, judgment), the criterion row rules (scale order, distinct
// references), score bounds per criterion scale, Saaty's scale and a ≠ b for judgments, and the status rule (a
// decided decision names its chosen candidate and rationale). Who may be an evaluator needs the workspace, so that
// last rule lives in lib/server/imports.ts. Messages are keys under `report.import.errors`; every issue carries the
// path of the offending field. New parts of the format add their schema below and a rule to DECISION_RULES.
//
// Measured values of METRIC criteria travel in `facts` (one per cell, with unit, source and measured-on day). The
// array is optional, so files written before facts existed still import: their metric scores become facts
// (metricScoresAsFacts below), exactly as the database migration did.
import { z } from "zod";
import type { ImportIssue } from "./import";
import { candidateJsonFields } from "./candidate";
import { checkTree } from "@/lib/scoring/tree";
import { checkCriterionRow, criterionFieldParsers, criterionJsonFields, TREE_PROBLEMS } from "./criterion";
import { contextSchema, titleSchema } from "./decision";
import { decisionStatusSchema } from "./enums";
import { asSaatyValue } from "./judgment";
import { minLevel, requirementWeight } from "./requirement";
import {
  FACT_NOTE_MAX,
  factNoteSchema,
  factProblem,
  factSourceUrlSchema,
  factUnitSchema,
  measuredOnSchema,
  todayIso,
} from "./fact";
import { RATIONALE_MAX, evidenceUrlSchema, isHttpUrl, ratingBounds, scoreValueProblem } from "./score";
import { isPairwise } from "@/lib/scoring/cells";

export const DECISION_JSON_FORMAT = "stackwise.decision";
export const DECISION_JSON_VERSION = 1;
export const MAX_CRITERIA = 100;
export const MAX_CANDIDATES = 100;
export const MAX_SCORES = 20_000;

const name = criterionFieldParsers.name;
const text = (max: number) => z.string().max(max, "textTooLong");
const num = z.number({ message: "notANumber" }).finite("notANumber");
const email = z.string().trim().toLowerCase().min(1).max(254);

export const criterionJson = z.strictObject({
  ...criterionJsonFields,
  // Added after version 1: files written before it have a flat list. The group's name, as criteria are referenced.
  parent: name.nullable().default(null),
});

export const requirementJson = z.strictObject({
  skill: name,
  weight: requirementWeight,
  minLevel,
});

export const candidateJson = z.strictObject({
  ...candidateJsonFields,
  requirements: z.array(requirementJson).max(200),
});

export const scoreJson = z.strictObject({
  criterion: name,
  candidate: name,
  /** The evaluator's email; on import it must belong to a member of the target workspace who may score. */
  evaluator: email,
  value: num,
  rationale: z.string().max(RATIONALE_MAX, "rationaleTooLong"),
  evidenceUrl: evidenceUrlSchema,
});

export const factJson = z.strictObject({
  criterion: name,
  candidate: name,
  value: num,
  unit: factUnitSchema.nullable(),
  sourceUrl: factSourceUrlSchema,
  note: factNoteSchema,
  /** YYYY-MM-DD */
  measuredOn: measuredOnSchema,
  /** Email of who entered it, for the record; import credits a member of that email, else the importer. */
  enteredBy: z.string().trim().toLowerCase().max(254).nullable(),
});

export const judgmentJson = z.strictObject({
  evaluator: email,
  criterionA: name,
  criterionB: name,
  value: z.number({ message: "judgmentInvalid" }).refine((v) => asSaatyValue(v) !== null, "judgmentInvalid"),
});

/** On a pairwise criterion, candidate A is `value` times as good as candidate B in the evaluator's judgment. */
export const candidateJudgmentJson = z.strictObject({
  evaluator: email,
  criterion: name,
  candidateA: name,
  candidateB: name,
  value: z.number({ message: "judgmentInvalid" }).refine((v) => asSaatyValue(v) !== null, "judgmentInvalid"),
});

const figure = z.number().finite().nullable();
/**
 * Derived figures, written on export so a reader of the file sees each raw value with its unit beside its points and
 * how the points were derived. Import ignores them: they are recomputed from the criteria and scores.
 */
const concordanceJson = z.strictObject({
  w: z.number().finite().min(0).max(1),
  raters: z.number().int().min(2),
  items: z.number().int().min(2),
  chiSquare: z.number().finite().min(0),
  df: z.number().int().min(1),
  pValue: z.number().finite().min(0).max(1),
  tied: z.boolean(),
});

export const evaluationJson = z.strictObject({
  method: z.literal("weighted-sum"),
  criteria: z
    .array(
      z.strictObject({
        criterion: name,
        unit: z.string().max(30).nullable(),
        /** scale: rating bounds; reference / observed / mixed: metric ends set by the user, observed, or one each. */
        pointsFrom: z.enum(["scale", "reference", "observed", "mixed", "skillMatch", "curve", "pairwise"]),
        worst: figure,
        best: figure,
      }),
    )
    .max(MAX_CRITERIA),
  cells: z
    .array(
      z.strictObject({
        criterion: name,
        candidate: name,
        raw: figure,
        unit: z.string().max(30).nullable(),
        points: figure,
        evaluators: z.number().int().min(0),
        sourceUrl: z.string().max(2000).nullable(),
        measuredOn: z.string().max(10).nullable(),
      }),
    )
    .max(MAX_CRITERIA * MAX_CANDIDATES),
  totals: z
    .array(
      z.strictObject({
        candidate: name,
        total: z.number().finite(),
        rank: z.number().int().min(1).nullable(),
        incomplete: z.boolean(),
        excluded: z.boolean(),
      }),
    )
    .max(MAX_CANDIDATES),
  /** Kendall's W of the evaluators' rankings (lib/scoring/consensus.ts); absent in files from before it existed. */
  agreement: z
    .strictObject({
      overall: concordanceJson.nullable(),
      criteria: z.array(z.strictObject({ criterion: name, concordance: concordanceJson.nullable() })).max(MAX_CRITERIA),
    })
    .optional(),
  /** The disagreements worth discussing, largest weighted swing first (lib/scoring/discussion.ts). */
  discussion: z
    .array(
      z.strictObject({
        criterion: name,
        candidate: name,
        evaluators: z.number().int().min(2),
        min: z.number().finite(),
        max: z.number().finite(),
        swing: z.number().finite().min(0),
        portion: z.number().finite().min(0).max(1),
        changesLeader: z.boolean(),
        changesRank: z.boolean(),
      }),
    )
    .max(MAX_CRITERIA * MAX_CANDIDATES)
    .optional(),
});

const decisionPart = z.strictObject({
  title: titleSchema,
  context: contextSchema,
  status: decisionStatusSchema,
  outcomeRationale: text(10_000),
  /** Name of the chosen candidate, or null. */
  chosenCandidate: name.nullable(),
  /** The owning team's name; import links it when the target workspace has a team of that name. */
  team: name.nullable(),
  /** Scoring options as stored (aggregation, weight source, Monte Carlo settings); opaque to the format. */
  settings: z.record(z.string(), z.unknown()).nullable(),
});

const shape = z.strictObject({
  format: z.literal(DECISION_JSON_FORMAT, { message: "formatUnknown" }),
  version: z.literal(DECISION_JSON_VERSION, { message: "versionUnsupported" }),
  decision: decisionPart,
  criteria: z.array(criterionJson).min(1, "noCriteria").max(MAX_CRITERIA, "tooManyCriteria"),
  candidates: z.array(candidateJson).min(1, "noCandidates").max(MAX_CANDIDATES, "tooManyCandidates"),
  scores: z.array(scoreJson).max(MAX_SCORES, "tooManyScores"),
  facts: z.array(factJson).max(MAX_SCORES, "tooManyScores").optional().default([]),
  judgments: z.array(judgmentJson).max(MAX_SCORES, "tooManyScores"),
  /** Added after version 1: files written before it compare no candidates in pairs. */
  candidateJudgments: z.array(candidateJudgmentJson).max(MAX_SCORES, "tooManyScores").optional().default([]),
  /** Derived figures for readers of the file; optional, and ignored on import. */
  evaluation: evaluationJson.optional(),
});
type Shape = z.infer<typeof shape>;
type Issue = { path: (string | number)[]; message: string; params?: Record<string, string | number> };

/** Names are matched the way the editors' duplicate check does: case-insensitively. */
const key = (s: string) => s.toLowerCase();

function uniqueNames(d: Shape): Issue[] {
  const out: Issue[] = [];
  for (const part of ["criteria", "candidates"] as const) {
    const seen = new Set<string>();
    d[part].forEach((x, i) => {
      if (seen.has(key(x.name))) out.push({ path: [part, i, "name"], message: "duplicateName" });
      seen.add(key(x.name));
    });
  }
  d.candidates.forEach((c, i) => {
    const skills = new Set<string>();
    c.requirements.forEach((r, k) => {
      if (skills.has(key(r.skill)))
        out.push({ path: ["candidates", i, "requirements", k, "skill"], message: "duplicateName" });
      skills.add(key(r.skill));
    });
  });
  return out;
}

/** The setup tab's row rules, checked for every rule a criterion can break (the "kind" field covers them all). */
function criterionRows(d: Shape): Issue[] {
  return d.criteria.flatMap((c, i) => {
    const problem = checkCriterionRow(c, "kind");
    if (!problem) return [];
    const field =
      problem === "scaleOrder"
        ? "scaleMin"
        : problem.startsWith("money")
          ? "currency"
          : problem.startsWith("curve")
            ? "valueCurve"
            : problem === "pairwiseNeedsRating"
              ? "pairwise"
              : "worst";
    return [{ path: ["criteria", i, field], message: problem }];
  });
}

/** A decided (or later superseded) decision names its chosen candidate and why, as the status dialog demands. */
function statusRule(d: Shape): Issue[] {
  const out: Issue[] = [];
  const chosen = d.decision.chosenCandidate;
  if (chosen !== null && !d.candidates.some((c) => c.name === chosen))
    out.push({ path: ["decision", "chosenCandidate"], message: "unknownCandidate" });
  if (d.decision.status === "DECIDED" || d.decision.status === "SUPERSEDED") {
    if (chosen === null) out.push({ path: ["decision", "chosenCandidate"], message: "chosenRequired" });
    if (!d.decision.outcomeRationale.trim())
      out.push({ path: ["decision", "outcomeRationale"], message: "rationaleRequired" });
  }
  return out;
}

/** Each score names a criterion and candidate of the file, lies on that criterion's scale, once per evaluator. */
function scoreRule(d: Shape): Issue[] {
  const out: Issue[] = [];
  const criteria = new Map(d.criteria.map((c) => [c.name, c]));
  const candidates = new Set(d.candidates.map((c) => c.name));
  const cells = new Set<string>();
  d.scores.forEach((s, i) => {
    const c = criteria.get(s.criterion);
    if (!c) out.push({ path: ["scores", i, "criterion"], message: "unknownCriterion" });
    if (!candidates.has(s.candidate)) out.push({ path: ["scores", i, "candidate"], message: "unknownCandidate" });
    // A metric "score" in a file written before facts existed is a measurement: metricScoresAsFacts turns it into
    // the cell's fact, so only opinions are checked against a scale here.
    if (c && c.kind !== "METRIC") {
      const problem = scoreValueProblem(c, s.value);
      if (problem)
        out.push({
          path: ["scores", i, "value"],
          // The matrix import's wording for the same rule.
          message: problem === "valueOutOfScale" ? "outOfScale" : problem,
          params: { value: s.value, ...ratingBounds(c) },
        });
    }
    const cell = JSON.stringify([s.criterion, s.candidate, s.evaluator]);
    if (cells.has(cell)) out.push({ path: ["scores", i], message: "duplicateScore" });
    cells.add(cell);
  });
  return out;
}

/** The AHP wizard's rules: two different criteria of the file, one answer per pair and evaluator (either order). */
function judgmentRule(d: Shape): Issue[] {
  const out: Issue[] = [];
  const criteria = new Set(d.criteria.map((c) => c.name));
  const pairs = new Set<string>();
  d.judgments.forEach((j, i) => {
    for (const side of ["criterionA", "criterionB"] as const)
      if (!criteria.has(j[side])) out.push({ path: ["judgments", i, side], message: "unknownCriterion" });
    if (j.criterionA === j.criterionB) out.push({ path: ["judgments", i, "criterionB"], message: "sameCriterion" });
    const pair = JSON.stringify([j.evaluator, ...[j.criterionA, j.criterionB].sort()]);
    if (pairs.has(pair)) out.push({ path: ["judgments", i], message: "duplicateJudgment" });
    pairs.add(pair);
  });
  return out;
}

/** The comparison page's rules: a pairwise criterion, two different candidates, one answer per pair and evaluator. */
function candidateJudgmentRule(d: Shape): Issue[] {
  const out: Issue[] = [];
  const criteria = new Map(d.criteria.map((c) => [c.name, c]));
  const candidates = new Set(d.candidates.map((c) => c.name));
  const pairs = new Set<string>();
  d.candidateJudgments.forEach((j, i) => {
    const c = criteria.get(j.criterion);
    if (!c) out.push({ path: ["candidateJudgments", i, "criterion"], message: "unknownCriterion" });
    else if (!isPairwise(c)) out.push({ path: ["candidateJudgments", i, "criterion"], message: "notPairwise" });
    for (const side of ["candidateA", "candidateB"] as const)
      if (!candidates.has(j[side])) out.push({ path: ["candidateJudgments", i, side], message: "unknownCandidate" });
    if (j.candidateA === j.candidateB)
      out.push({ path: ["candidateJudgments", i, "candidateB"], message: "sameCandidate" });
    const pair = JSON.stringify([j.criterion, j.evaluator, ...[j.candidateA, j.candidateB].sort()]);
    if (pairs.has(pair)) out.push({ path: ["candidateJudgments", i], message: "duplicateJudgment" });
    pairs.add(pair);
  });
  return out;
}

/** The facts editor's rules: a METRIC criterion and a candidate of the file, the criterion's unit, once per cell. */
function factRule(d: Shape): Issue[] {
  const out: Issue[] = [];
  const criteria = new Map(d.criteria.map((c) => [c.name, c]));
  const candidates = new Set(d.candidates.map((c) => c.name));
  const cells = new Set<string>();
  d.facts.forEach((f, i) => {
    const c = criteria.get(f.criterion);
    if (!c) out.push({ path: ["facts", i, "criterion"], message: "unknownCriterion" });
    else {
      const problem = factProblem(c, { unit: f.unit });
      if (problem)
        out.push({ path: ["facts", i, problem.field === "unit" ? "unit" : "criterion"], message: problem.code });
    }
    if (!candidates.has(f.candidate)) out.push({ path: ["facts", i, "candidate"], message: "unknownCandidate" });
    const cell = JSON.stringify([f.criterion, f.candidate]);
    if (cells.has(cell)) out.push({ path: ["facts", i], message: "duplicateFact" });
    cells.add(cell);
  });
  return out;
}

/** Each parent names another criterion of the file, without loops, at most five levels deep (the engine's rule). */
function treeRule(d: Shape): Issue[] {
  const rows = d.criteria.map((c) => ({ id: c.name, parentId: c.parent }));
  return checkTree(rows).map((e) => ({
    path: ["criteria", e.path[1] as number, "parent"],
    message: TREE_PROBLEMS[e.code] ?? "parentUnknown",
    ...(e.params ? { params: e.params } : {}),
  }));
}

export const DECISION_RULES: readonly ((d: Shape) => Issue[])[] = [
  uniqueNames,
  criterionRows,
  treeRule,
  statusRule,
  scoreRule,
  factRule,
  judgmentRule,
  candidateJudgmentRule,
];

export const decisionJsonSchema = shape.superRefine((d, ctx) => {
  for (const rule of DECISION_RULES)
    for (const issue of rule(d))
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, params: issue.params });
});

export type DecisionJson = z.infer<typeof decisionJsonSchema>;
/**
 * A file as written: the parsed form but for fields whose file form differs from the stored one (a value curve is
 * an array of pairs in the file, JSON text in the column). Importing re-parses it into DecisionJson.
 */
export type DecisionJsonFile = Omit<DecisionJson, "criteria"> & {
  criteria: (Omit<DecisionJson["criteria"][number], "valueCurve"> & { valueCurve: [number, number][] | null })[];
};

/**
 * Any value → a valid decision file or its field issues (at most 50). The one entry point: the upload reader and
 * the data layer's import both call it, so an object that never went through the reader is checked the same way.
 */
export function parseDecisionJson(
  data: unknown,
): { ok: true; json: DecisionJson } | { ok: false; issues: ImportIssue[] } {
  const parsed = decisionJsonSchema.safeParse(data);
  if (parsed.success) return { ok: true, json: parsed.data };
  const issues = parsed.error.issues.slice(0, 50).map((i) => {
    const params = (i as { params?: Record<string, string | number> }).params;
    return { key: knownKey(i.message), path: i.path.join("."), ...(params ? { params } : {}) };
  });
  return { ok: false, issues };
}

const KNOWN = new Set([
  "nameRequired",
  "nameTooLong",
  "textTooLong",
  "titleRequired",
  "titleTooLong",
  "notANumber",
  "weightNegative",
  "weightTooLarge",
  "kindInvalid",
  "directionInvalid",
  "formatUnknown",
  "versionUnsupported",
  "unknownCriterion",
  "unknownCandidate",
  "duplicateName",
  "duplicateScore",
  "noCriteria",
  "noCandidates",
  "tooManyCriteria",
  "tooManyCandidates",
  "tooManyScores",
  // The editors' own rules, reused by the JSON schema (lib/validation/decision-json.ts).
  "scaleOrder",
  "referencesEqual",
  "currencyInvalid",
  "moneyNeedsMetric",
  "moneyNeedsCost",
  "curveTooFewPoints",
  "curveTooManyPoints",
  "curveNotANumber",
  "curvePointsRange",
  "curveOrder",
  "curveFlat",
  "curveRisesForCost",
  "curveFallsForBenefit",
  "outOfScale",
  "notScorable",
  "judgmentInvalid",
  "sameCriterion",
  "duplicateJudgment",
  "notPairwise",
  "parentUnknown",
  "parentCycle",
  "treeTooDeep",
  "sameCandidate",
  "pairwiseNeedsRating",
  "chosenRequired",
  "rationaleRequired",
  "urlInvalid",
  "evidenceUrlInvalid",
  "rationaleTooLong",
  "weightNotNumber",
  "levelNotNumber",
  "levelOutOfRange",
  // Measured facts (lib/validation/fact.ts)
  "duplicateFact",
  "notMeasured",
  "unitMismatch",
  "unitTooLong",
  "sourceUrlInvalid",
  "noteTooLong",
  "measuredOnInvalid",
  "measuredOnFuture",
]);
/** zod's own messages (wrong type, unknown key) become the generic "invalid". */
const knownKey = (m: string) => (KNOWN.has(m) ? m : "invalid");

/**
 * Metric scores → facts, for files written before facts existed: each METRIC cell's scores become one fact (mean of
 * the evaluators' values, the criterion's unit, the first http(s) evidence link as source and the first rationale as
 * note, credited to the first evaluator, measured "today" because the file does not say). A cell that already has a
 * fact keeps it and its scores are dropped. Rating scores are untouched.
 */
export function metricScoresAsFacts(d: DecisionJson, today: string = todayIso()): DecisionJson {
  const metric = new Map(d.criteria.filter((c) => c.kind === "METRIC").map((c) => [c.name, c]));
  const haveFact = new Set(d.facts.map((f) => JSON.stringify([f.criterion, f.candidate])));
  const groups = new Map<string, DecisionJson["scores"]>();
  const scores: DecisionJson["scores"] = [];
  for (const s of d.scores) {
    if (!metric.has(s.criterion)) {
      scores.push(s);
      continue;
    }
    const key = JSON.stringify([s.criterion, s.candidate]);
    if (haveFact.has(key)) continue;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const facts = [...d.facts];
  for (const list of groups.values()) {
    const first = list[0];
    const source = list.find((s) => isHttpUrl(s.evidenceUrl.trim()))?.evidenceUrl.trim() ?? "";
    const note = list.find((s) => s.rationale.trim() !== "")?.rationale.trim() ?? "";
    facts.push({
      criterion: first.criterion,
      candidate: first.candidate,
      value: list.reduce((sum, s) => sum + s.value, 0) / list.length,
      unit: metric.get(first.criterion)!.unit?.trim() || null,
      sourceUrl: source,
      note: note.slice(0, FACT_NOTE_MAX),
      measuredOn: today,
      enteredBy: first.evaluator,
    });
  }
  return { ...d, scores, facts };
}
