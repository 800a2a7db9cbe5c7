// The Stackwise decision exchange format (JSON), version 1. Everything is referenced by name or email, never by id,
// so a file can move between workspaces and the export → import → export round trip is identical apart from ids and
// timestamps (which the format does not carry). Arrays keep the decision's order (criteria, candidates by position;
// scores and judgments sorted by their names) so two exports of the same decision are byte-identical.
// Validation messages are keys under `report.import.errors`.
import { z } from "zod";
import { CRITERION_KINDS, DIRECTIONS, MAX_WEIGHT } from "./criterion";
import { DECISION_STATUSES } from "./decision";

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

export const judgmentJson = z.strictObject({
  evaluator: z.string().trim().toLowerCase().min(1).max(254),
  criterionA: name,
  criterionB: name,
  value: num.positive("notANumber"),
});

const figure = z.number().finite().nullable();
/**
 * Derived figures, written on export so a reader of the file sees each raw value with its unit beside its points and
 * how the points were derived. Import ignores them: they are recomputed from the criteria and scores.
 */
export const evaluationJson = z.strictObject({
  method: z.literal("weighted-sum"),
  criteria: z
    .array(
      z.strictObject({
        criterion: name,
        unit: z.string().max(30).nullable(),
        /** scale: rating bounds; reference / observed / mixed: metric ends set by the user, observed, or one each. */
        pointsFrom: z.enum(["scale", "reference", "observed", "mixed", "skillMatch"]),
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
        rank: z.number().int().min(1),
        incomplete: z.boolean(),
        excluded: z.boolean(),
      }),
    )
    .max(MAX_CANDIDATES),
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
    judgments: z.array(judgmentJson).max(MAX_SCORES, "tooManyScores"),
    evaluation: evaluationJson.optional(),
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
