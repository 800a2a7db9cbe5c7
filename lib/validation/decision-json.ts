// The Stackwise decision exchange format (JSON), version 1. Everything is referenced by name or email, never by id,
// so a file can move between workspaces and the export → import → export round trip is identical apart from ids and
// timestamps (which the format does not carry). Arrays keep the decision's order (criteria, candidates by position;
// scores and judgments sorted by their names) so two exports of the same decision are byte-identical.
// Measured values of METRIC criteria travel in `facts` (one per cell, with unit, source and measured-on day). The
// array is optional, so files written before facts existed still import: their metric scores become facts
// (metricScoresAsFacts below), exactly as the database migration did.
// Validation messages are keys under `report.import.errors`.
import { z } from "zod";
import { CRITERION_KINDS, DIRECTIONS, MAX_WEIGHT } from "./criterion";
import { DECISION_STATUSES } from "./decision";
import {
  FACT_NOTE_MAX,
  factNoteSchema,
  factProblem,
  factSourceUrlSchema,
  factUnitSchema,
  measuredOnSchema,
  todayIso,
} from "./fact";
import { isHttpUrl } from "./score";

export const DECISION_JSON_FORMAT = "stackwise.decision";
export const DECISION_JSON_VERSION = 1;
export const MAX_CRITERIA = 100;
export const MAX_CANDIDATES = 100;
export const MAX_SCORES = 20_000;

const name = z.string().trim().min(1, "nameRequired").max(120, "nameTooLong");
const text = (max: number) => z.string().max(max, "textTooLong");
const num = z.number({ message: "notANumber" }).finite("notANumber");
const optNum = num.nullable();

export const criterionJson = z.strictObject({
  name,
  description: text(2000),
  lowMeaning: text(500),
  highMeaning: text(500),
  weight: num.min(0, "weightNegative").max(MAX_WEIGHT, "weightTooLarge"),
  kind: z.enum(CRITERION_KINDS, { message: "kindInvalid" }),
  direction: z.enum(DIRECTIONS, { message: "directionInvalid" }),
  scaleMin: optNum,
  scaleMax: optNum,
  unit: z.string().max(30, "textTooLong").nullable(),
  worst: optNum,
  best: optNum,
  threshold: optNum,
});

export const requirementJson = z.strictObject({
  skill: name,
  weight: num.min(0, "weightNegative"),
  minLevel: optNum,
});

export const candidateJson = z.strictObject({
  name,
  description: text(2000),
  link: text(2000),
  requirements: z.array(requirementJson).max(200),
});

export const scoreJson = z.strictObject({
  criterion: name,
  candidate: name,
  /** The evaluator's email; on import it must belong to a member of the target workspace. */
  evaluator: z.string().trim().toLowerCase().min(1).max(254),
  value: num,
  rationale: text(5000),
  evidenceUrl: text(2000),
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
  evaluator: z.string().trim().toLowerCase().min(1).max(254),
  criterionA: name,
  criterionB: name,
  value: num.positive("notANumber"),
});

export const decisionJsonSchema = z
  .strictObject({
    format: z.literal(DECISION_JSON_FORMAT, { message: "formatUnknown" }),
    version: z.literal(DECISION_JSON_VERSION, { message: "versionUnsupported" }),
    decision: z.strictObject({
      title: z.string().trim().min(1, "titleRequired").max(200, "titleTooLong"),
      context: text(10_000),
      status: z.enum(DECISION_STATUSES),
      outcomeRationale: text(10_000),
      /** Name of the chosen candidate, or null. */
      chosenCandidate: name.nullable(),
      /** The owning team's name; import links it when the target workspace has a team of that name. */
      team: name.nullable(),
      /** Scoring options as stored (aggregation, weight source, Monte Carlo settings); opaque to the format. */
      settings: z.record(z.string(), z.unknown()).nullable(),
    }),
    criteria: z.array(criterionJson).min(1, "noCriteria").max(MAX_CRITERIA, "tooManyCriteria"),
    candidates: z.array(candidateJson).min(1, "noCandidates").max(MAX_CANDIDATES, "tooManyCandidates"),
    scores: z.array(scoreJson).max(MAX_SCORES, "tooManyScores"),
    facts: z.array(factJson).max(MAX_SCORES, "tooManyScores").optional().default([]),
    judgments: z.array(judgmentJson).max(MAX_SCORES, "tooManyScores"),
  })
  .superRefine((d, ctx) => {
    const dup = (list: { name: string }[], path: string) => {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        const key = x.name.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [path, i, "name"], message: "duplicateName" });
        seen.add(key);
      });
    };
    dup(d.criteria, "criteria");
    dup(d.candidates, "candidates");
    const criteria = new Set(d.criteria.map((c) => c.name));
    const candidates = new Set(d.candidates.map((c) => c.name));
    if (d.decision.chosenCandidate !== null && !candidates.has(d.decision.chosenCandidate))
      ctx.addIssue({ code: "custom", path: ["decision", "chosenCandidate"], message: "unknownCandidate" });
    const cells = new Set<string>();
    d.scores.forEach((s, i) => {
      if (!criteria.has(s.criterion))
        ctx.addIssue({ code: "custom", path: ["scores", i, "criterion"], message: "unknownCriterion" });
      if (!candidates.has(s.candidate))
        ctx.addIssue({ code: "custom", path: ["scores", i, "candidate"], message: "unknownCandidate" });
      const key = JSON.stringify([s.criterion, s.candidate, s.evaluator]);
      if (cells.has(key)) ctx.addIssue({ code: "custom", path: ["scores", i], message: "duplicateScore" });
      cells.add(key);
    });
    const kindOf = new Map(d.criteria.map((c) => [c.name, c]));
    const factCells = new Set<string>();
    d.facts.forEach((f, i) => {
      const c = kindOf.get(f.criterion);
      if (!c) ctx.addIssue({ code: "custom", path: ["facts", i, "criterion"], message: "unknownCriterion" });
      else {
        const problem = factProblem(c, { unit: f.unit });
        if (problem)
          ctx.addIssue({
            code: "custom",
            path: ["facts", i, problem.field === "unit" ? "unit" : "criterion"],
            message: problem.code,
          });
      }
      if (!candidates.has(f.candidate))
        ctx.addIssue({ code: "custom", path: ["facts", i, "candidate"], message: "unknownCandidate" });
      const key = JSON.stringify([f.criterion, f.candidate]);
      if (factCells.has(key)) ctx.addIssue({ code: "custom", path: ["facts", i], message: "duplicateFact" });
      factCells.add(key);
    });
    d.judgments.forEach((j, i) => {
      if (!criteria.has(j.criterionA))
        ctx.addIssue({ code: "custom", path: ["judgments", i, "criterionA"], message: "unknownCriterion" });
      if (!criteria.has(j.criterionB))
        ctx.addIssue({ code: "custom", path: ["judgments", i, "criterionB"], message: "unknownCriterion" });
    });
    d.candidates.forEach((c, i) => {
      const skills = new Set<string>();
      c.requirements.forEach((r, k) => {
        if (skills.has(r.skill.toLowerCase()))
          ctx.addIssue({
            code: "custom",
            path: ["candidates", i, "requirements", k, "skill"],
            message: "duplicateName",
          });
        skills.add(r.skill.toLowerCase());
      });
    });
  });

export type DecisionJson = z.infer<typeof decisionJsonSchema>;

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
