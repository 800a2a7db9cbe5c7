// Input validation. The model arrives from user-editable JSON, so nothing is trusted: every shape, number and
// reference is checked and reported with a path, and the engine only runs on a model that passed.
import { checkValueCurve, MAX_CURVE_POINTS, MIN_CURVE_POINTS, type CurveProblem } from "./value-function";
import { RECIPROCAL_TOLERANCE, SAATY_MAX, SAATY_MIN } from "./ahp";
import { pairKey, tripleKey } from "./keys";
import { scoringError, type Path } from "./errors";
import { MAX_SAMPLES } from "./monte-carlo";
import { ratingScale } from "./normalise";
import type { ScoringError } from "./result-types";
import { checkTree } from "./tree";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const KINDS = ["RATING", "METRIC", "SKILL_MATCH"];
const DIRECTIONS = ["BENEFIT", "COST"];
/** Saaty bounds are compared with a little slack so 1/9 typed as 0.1111111 is accepted. */
const JUDGMENT_SLACK = 1e-6;

class Collector {
  readonly errors: ScoringError[] = [];
  add(code: string, path: Path, message: string, params?: Record<string, string | number>) {
    this.errors.push(scoringError(code, path, message, params));
  }

  /** An array at `path`, or null (reported) when it is something else; absent optional arrays become []. */
  array(v: unknown, path: Path, optional: boolean): unknown[] | null {
    if (v === undefined || v === null) {
      if (optional) return [];
      this.add("required", path, "A list is required here.");
      return null;
    }
    if (!Array.isArray(v)) {
      this.add("invalid_type", path, "Expected a list.", { expected: "array" });
      return null;
    }
    return v;
  }

  object(v: unknown, path: Path): Obj | null {
    if (!isObj(v)) {
      this.add("invalid_type", path, "Expected an object.", { expected: "object" });
      return null;
    }
    return v;
  }

  id(o: Obj, key: string, path: Path): string | null {
    const v = o[key];
    if (typeof v !== "string" || v.length === 0) {
      this.add("invalid_type", [...path, key], "Expected a non-empty string id.", { expected: "string" });
      return null;
    }
    return v;
  }

  string(o: Obj, key: string, path: Path, optional = false): void {
    const v = o[key];
    if (optional && (v === undefined || v === null)) return;
    if (typeof v !== "string") this.add("invalid_type", [...path, key], "Expected text.", { expected: "string" });
  }

  /** A finite number (NaN / ±Infinity are reported as not_finite), or null when absent-and-optional / invalid. */
  number(o: Obj, key: string, path: Path, optional = false): number | null {
    const v = o[key];
    if (optional && (v === undefined || v === null)) return null;
    if (typeof v !== "number") {
      this.add("invalid_type", [...path, key], "Expected a number.", { expected: "number" });
      return null;
    }
    if (!Number.isFinite(v)) {
      this.add("not_finite", [...path, key], "The number must be finite.");
      return null;
    }
    return v;
  }

  oneOf(o: Obj, key: string, path: Path, allowed: string[], optional = false): string | null {
    const v = o[key];
    if (optional && (v === undefined || v === null)) return null;
    if (typeof v !== "string" || !allowed.includes(v)) {
      this.add("invalid_enum", [...path, key], `Expected one of ${allowed.join(", ")}.`, {
        allowed: allowed.join(","),
      });
      return null;
    }
    return v;
  }

  duplicates(ids: Map<string, number>, id: string | null, path: Path, what: string) {
    if (id === null) return;
    if (ids.has(id)) this.add("duplicate_id", path, `Duplicate ${what} id.`, { id });
    else ids.set(id, ids.size);
  }

  level(o: Obj, key: string, path: Path, optional = false): number | null {
    const v = this.number(o, key, path, optional);
    if (v !== null && (v < 0 || v > 10)) {
      this.add("out_of_scale", [...path, key], "Levels run from 0 to 10.", { min: 0, max: 10, value: v });
      return null;
    }
    return v;
  }
}

interface CriterionInfo {
  kind: string | null;
  pairwise: boolean;
  lo: number;
  hi: number;
  validScale: boolean;
  weight: number | null;
  parentId: string | null;
}

const CURVE_MESSAGES: Record<CurveProblem, string> = {
  curveTooFewPoints: `A value curve needs at least ${MIN_CURVE_POINTS} points.`,
  curveTooManyPoints: `A value curve has at most ${MAX_CURVE_POINTS} points.`,
  curveNotANumber: "Each value-curve point is a pair of finite numbers [raw value, points].",
  curvePointsRange: "Value-curve points lie between 0 and 10.",
  curveOrder: "Value-curve raw values ascend; at most two points share one raw value (a step).",
  curveNotMonotone: "A value curve never gives a better raw value fewer points (rising for benefit, falling for cost).",
  curveFlat: "A value curve that gives every raw value the same points cannot tell candidates apart.",
};

export function validateModel(model: unknown, options?: unknown): ScoringError[] {
  const col = new Collector();
  if (!isObj(model)) {
    col.add("invalid_model", [], "The decision model must be an object.");
    return col.errors;
  }

  // Criteria
  const criteria = new Map<string, CriterionInfo>();
  const crits = col.array(model.criteria, ["criteria"], false);
  if (crits && crits.length === 0) col.add("no_criteria", ["criteria"], "Add at least one criterion.");
  const criterionIds = new Map<string, number>();
  const treeRows: { id: string; parentId: string | null; at: number }[] = [];
  crits?.forEach((raw, i) => {
    const p: Path = ["criteria", i];
    const c = col.object(raw, p);
    if (!c) return;
    const id = col.id(c, "id", p);
    col.duplicates(criterionIds, id, [...p, "id"], "criterion");
    col.string(c, "name", p);
    const weight = col.number(c, "weight", p);
    if (weight !== null && weight < 0) col.add("negative_weight", [...p, "weight"], "Weights cannot be negative.");
    const kind = col.oneOf(c, "kind", p, KINDS);
    col.oneOf(c, "direction", p, DIRECTIONS);
    const scaleMin = col.number(c, "scaleMin", p, true);
    const scaleMax = col.number(c, "scaleMax", p, true);
    const { lo, hi } = ratingScale({ scaleMin, scaleMax });
    let validScale = true;
    if (kind === "RATING" && !(lo < hi)) {
      validScale = false;
      col.add(
        "invalid_scale",
        [...p, scaleMax !== null ? "scaleMax" : "scaleMin"],
        "The scale minimum must be below its maximum.",
        { min: lo, max: hi },
      );
    }
    const worst = col.number(c, "worst", p, true);
    const best = col.number(c, "best", p, true);
    if (kind === "METRIC" && worst !== null && best !== null && worst === best) {
      col.add("invalid_reference", [...p, "best"], "Best and worst reference values must differ.", { value: best });
    }
    const curve = c.valueCurve;
    if (curve !== undefined && curve !== null) {
      const problem =
        Array.isArray(curve) && curve.every((q) => Array.isArray(q))
          ? checkValueCurve(curve as number[][], c.direction === "COST" ? "COST" : "BENEFIT")
          : "curveNotANumber";
      if (problem) col.add("invalid_value_curve", [...p, "valueCurve"], CURVE_MESSAGES[problem], { problem });
    }
    col.number(c, "threshold", p, true);
    col.string(c, "unit", p, true);
    let pairwise = false;
    if (c.pairwise !== undefined && c.pairwise !== null) {
      if (typeof c.pairwise !== "boolean") {
        col.add("invalid_type", [...p, "pairwise"], "Expected true or false.", { expected: "boolean" });
      } else if (c.pairwise && kind !== null && kind !== "RATING") {
        col.add("pairwise_needs_rating", [...p, "pairwise"], "Only rating criteria can compare candidates in pairs.");
      } else pairwise = c.pairwise;
    }
    let parentId: string | null = null;
    if (c.parentId !== undefined && c.parentId !== null) {
      if (typeof c.parentId !== "string" || c.parentId.length === 0) {
        col.add("invalid_type", [...p, "parentId"], "Expected a criterion id or null.", { expected: "string" });
      } else parentId = c.parentId;
    }
    if (id !== null && !criteria.has(id)) {
      criteria.set(id, {
        kind,
        pairwise,
        lo,
        hi,
        validScale,
        weight: weight !== null && weight >= 0 ? weight : null,
        parentId,
      });
    }
    if (id !== null) treeRows.push({ id, parentId, at: i });
  });
  // The tree is checked on the rows that have an id; paths point back at the row in the list.
  for (const e of checkTree(treeRows)) {
    col.errors.push({ ...e, path: ["criteria", treeRows[e.path[1] as number].at, ...e.path.slice(2)] });
  }

  // Candidates
  const candidateIds = new Map<string, number>();
  const cands = col.array(model.candidates, ["candidates"], false);
  if (cands && cands.length === 0) col.add("no_candidates", ["candidates"], "Add at least one candidate.");
  cands?.forEach((raw, i) => {
    const p: Path = ["candidates", i];
    const c = col.object(raw, p);
    if (!c) return;
    col.duplicates(candidateIds, col.id(c, "id", p), [...p, "id"], "candidate");
    col.string(c, "name", p);
  });

  // Scores
  const seenScores = new Set<string>();
  col.array(model.scores, ["scores"], false)?.forEach((raw, k) => {
    const p: Path = ["scores", k];
    const s = col.object(raw, p);
    if (!s) return;
    const critId = col.id(s, "criterionId", p);
    const candId = col.id(s, "candidateId", p);
    const evaluator = col.id(s, "evaluatorId", p);
    const value = col.number(s, "value", p);
    const crit = critId !== null ? criteria.get(critId) : undefined;
    if (critId !== null && !crit)
      col.add("unknown_criterion", [...p, "criterionId"], "Unknown criterion.", { id: critId });
    if (candId !== null && !candidateIds.has(candId))
      col.add("unknown_candidate", [...p, "candidateId"], "Unknown candidate.", { id: candId });
    if (crit && crit.kind === "RATING" && crit.validScale && value !== null && (value < crit.lo || value > crit.hi)) {
      col.add("out_of_scale", [...p, "value"], "The rating is outside the criterion's scale.", {
        min: crit.lo,
        max: crit.hi,
        value,
      });
    }
    if (critId !== null && candId !== null && evaluator !== null) {
      const key = tripleKey(critId, candId, evaluator);
      if (seenScores.has(key))
        col.add("duplicate_score", p, "This evaluator already scored this cell.", { evaluatorId: evaluator });
      seenScores.add(key);
    }
  });

  // Facts: one measured value per METRIC cell
  const seenFacts = new Set<string>();
  col.array(model.facts, ["facts"], true)?.forEach((raw, k) => {
    const p: Path = ["facts", k];
    const f = col.object(raw, p);
    if (!f) return;
    const critId = col.id(f, "criterionId", p);
    const candId = col.id(f, "candidateId", p);
    col.number(f, "value", p);
    const crit = critId !== null ? criteria.get(critId) : undefined;
    if (critId !== null && !crit)
      col.add("unknown_criterion", [...p, "criterionId"], "Unknown criterion.", { id: critId });
    if (crit && crit.kind !== null && crit.kind !== "METRIC")
      col.add("not_measured", [...p, "criterionId"], "Only metric criteria take measured facts.", { id: critId! });
    if (candId !== null && !candidateIds.has(candId))
      col.add("unknown_candidate", [...p, "candidateId"], "Unknown candidate.", { id: candId });
    if (critId !== null && candId !== null) {
      const key = pairKey(critId, candId);
      if (seenFacts.has(key)) col.add("duplicate_fact", p, "This cell already has a measured fact.");
      seenFacts.add(key);
    }
  });

  // Skills and team
  const skillIds = new Map<string, number>();
  col.array(model.skills, ["skills"], true)?.forEach((raw, i) => {
    const p: Path = ["skills", i];
    const s = col.object(raw, p);
    if (!s) return;
    col.duplicates(skillIds, col.id(s, "id", p), [...p, "id"], "skill");
    col.string(s, "name", p);
  });
  const skillRef = (o: Obj, key: string, p: Path) => {
    const id = col.id(o, key, p);
    if (id !== null && !skillIds.has(id)) col.add("unknown_skill", [...p, key], "Unknown skill.", { id });
    return id;
  };
  if (model.team !== undefined && model.team !== null) {
    const team = col.object(model.team, ["team"]);
    if (team) {
      const memberIds = new Map<string, number>();
      col.array(team.members, ["team", "members"], false)?.forEach((raw, i) => {
        const p: Path = ["team", "members", i];
        const mem = col.object(raw, p);
        if (!mem) return;
        col.duplicates(memberIds, col.id(mem, "id", p), [...p, "id"], "member");
        col.string(mem, "name", p);
      });
      const seenRatings = new Set<string>();
      col.array(team.ratings, ["team", "ratings"], false)?.forEach((raw, k) => {
        const p: Path = ["team", "ratings", k];
        const r = col.object(raw, p);
        if (!r) return;
        const memberId = col.id(r, "memberId", p);
        if (memberId !== null && !memberIds.has(memberId))
          col.add("unknown_member", [...p, "memberId"], "Unknown team member.", { id: memberId });
        const skillId = skillRef(r, "skillId", p);
        col.level(r, "level", p);
        if (memberId !== null && skillId !== null) {
          const key = pairKey(memberId, skillId);
          if (seenRatings.has(key)) col.add("duplicate_rating", p, "This member already has a rating for this skill.");
          seenRatings.add(key);
        }
      });
      const seenOverrides = new Set<string>();
      col.array(team.overrides, ["team", "overrides"], true)?.forEach((raw, k) => {
        const p: Path = ["team", "overrides", k];
        const o = col.object(raw, p);
        if (!o) return;
        const skillId = skillRef(o, "skillId", p);
        col.level(o, "level", p);
        col.string(o, "reason", p);
        if (skillId !== null) {
          if (seenOverrides.has(skillId))
            col.add("duplicate_override", p, "This skill is already overridden.", { id: skillId });
          seenOverrides.add(skillId);
        }
      });
    }
  }

  // Requirements
  const seenReqs = new Set<string>();
  col.array(model.requirements, ["requirements"], true)?.forEach((raw, k) => {
    const p: Path = ["requirements", k];
    const r = col.object(raw, p);
    if (!r) return;
    const candId = col.id(r, "candidateId", p);
    if (candId !== null && !candidateIds.has(candId))
      col.add("unknown_candidate", [...p, "candidateId"], "Unknown candidate.", { id: candId });
    const skillId = skillRef(r, "skillId", p);
    const weight = col.number(r, "weight", p);
    if (weight !== null && weight < 0) col.add("negative_weight", [...p, "weight"], "Weights cannot be negative.");
    col.level(r, "minLevel", p, true);
    if (candId !== null && skillId !== null) {
      const key = pairKey(candId, skillId);
      if (seenReqs.has(key)) col.add("duplicate_requirement", p, "This candidate already requires this skill.");
      seenReqs.add(key);
    }
  });

  // Pairwise judgments of the criteria (AHP weights), then of the candidates on each pairwise criterion
  checkJudgments(col, model.judgments, "judgments", {
    a: "criterionA",
    b: "criterionB",
    known: (id) => criteria.has(id),
    unknown: ["unknown_criterion", "Unknown criterion."],
    self: "A criterion cannot be compared with itself.",
  });
  checkJudgments(col, model.candidateJudgments, "candidateJudgments", {
    a: "candidateA",
    b: "candidateB",
    known: (id) => candidateIds.has(id),
    unknown: ["unknown_candidate", "Unknown candidate."],
    self: "A candidate cannot be compared with itself.",
    context: (j, p) => {
      const id = col.id(j, "criterionId", p);
      if (id === null) return null;
      const crit = criteria.get(id);
      if (!crit) col.add("unknown_criterion", [...p, "criterionId"], "Unknown criterion.", { id });
      else if (!crit.pairwise)
        col.add("not_pairwise", [...p, "criterionId"], "This criterion does not compare candidates in pairs.", { id });
      return id;
    },
  });

  validateOptions(col, options, criteria);
  return col.errors;
}

interface JudgmentShape {
  a: string;
  b: string;
  known: (id: string) => boolean;
  unknown: [code: string, message: string];
  self: string;
  /** Checks what the pair is judged within (a candidate judgment's criterion) and returns its id for the key. */
  context?: (j: Obj, p: Path) => string | null;
}

/** Known ids, Saaty's range, and one consistent answer per evaluator and unordered pair (either orientation). */
function checkJudgments(col: Collector, list: unknown, field: string, shape: JudgmentShape): void {
  const judged = new Map<string, { value: number; forward: boolean }>();
  col.array(list, [field], true)?.forEach((raw, k) => {
    const p: Path = [field, k];
    const j = col.object(raw, p);
    if (!j) return;
    const within = shape.context ? shape.context(j, p) : "";
    const evaluator = col.id(j, "evaluatorId", p);
    const a = col.id(j, shape.a, p);
    const b = col.id(j, shape.b, p);
    for (const [key, id] of [
      [shape.a, a],
      [shape.b, b],
    ] as const) {
      if (id !== null && !shape.known(id)) col.add(shape.unknown[0], [...p, key], shape.unknown[1], { id });
    }
    if (a !== null && a === b) col.add("self_judgment", [...p, shape.b], shape.self);
    const value = col.number(j, "value", p);
    if (value === null) return;
    if (!(value >= SAATY_MIN * (1 - JUDGMENT_SLACK) && value <= SAATY_MAX * (1 + JUDGMENT_SLACK))) {
      col.add("invalid_judgment", [...p, "value"], "Judgments run from 1/9 to 9.", {
        min: SAATY_MIN,
        max: SAATY_MAX,
        value,
      });
      return;
    }
    if (within === null || evaluator === null || a === null || b === null || a === b) return;
    const forward = a < b;
    const key = tripleKey(within, evaluator, forward ? pairKey(a, b) : pairKey(b, a));
    const normalised = forward ? value : 1 / value;
    const prev = judged.get(key);
    if (!prev) {
      judged.set(key, { value: normalised, forward });
      return;
    }
    if (Math.abs(prev.value / normalised - 1) > RECIPROCAL_TOLERANCE) {
      const sameDirection = prev.forward === forward;
      col.add(
        sameDirection ? "conflicting_judgment" : "non_reciprocal",
        [...p, "value"],
        sameDirection
          ? "This evaluator already judged this pair differently."
          : "This evaluator's judgments of the pair in both directions are not reciprocal.",
      );
    }
  });
}

function validateOptions(col: Collector, options: unknown, criteria: Map<string, CriterionInfo>): void {
  const base: Path = ["options"];
  let overrides: Obj = {};
  let weightSource = "direct";
  if (options !== undefined && options !== null) {
    const o = col.object(options, base);
    if (!o) return;
    col.oneOf(o, "aggregation", base, ["mean", "median"], true);
    col.oneOf(o, "teamAggregation", base, ["top2", "max", "mean"], true);
    col.level(o, "skillTarget", base, true);
    weightSource = col.oneOf(o, "weightSource", base, ["direct", "ahp"], true) ?? "direct";
    if (o.weightOverrides !== undefined && o.weightOverrides !== null) {
      const wo = col.object(o.weightOverrides, [...base, "weightOverrides"]);
      if (wo) {
        overrides = wo;
        for (const key of Object.keys(wo)) {
          const p: Path = [...base, "weightOverrides"];
          if (!criteria.has(key)) col.add("unknown_criterion", [...p, key], "Unknown criterion.", { id: key });
          const v = col.number(wo, key, p);
          if (v !== null && v < 0) col.add("negative_weight", [...p, key], "Weights cannot be negative.");
        }
      }
    }
    if (o.monteCarlo !== undefined && o.monteCarlo !== null) {
      const p: Path = [...base, "monteCarlo"];
      const mc = col.object(o.monteCarlo, p);
      if (mc) {
        const samples = col.number(mc, "samples", p, true);
        if (samples !== null && (!Number.isInteger(samples) || samples < 0 || samples > MAX_SAMPLES)) {
          col.add("invalid_option", [...p, "samples"], "Samples must be a whole number from 0 to 1,000,000.", {
            min: 0,
            max: MAX_SAMPLES,
          });
        }
        col.number(mc, "seed", p, true);
        const kappa = col.number(mc, "kappa", p, true);
        if (kappa !== null && !(kappa > 0))
          col.add("invalid_option", [...p, "kappa"], "κ must be positive.", { min: 0 });
        for (const key of ["scoreNoise", "pairwise"]) {
          if (mc[key] !== undefined && typeof mc[key] !== "boolean") {
            col.add("invalid_type", [...p, key], "Expected true or false.", { expected: "boolean" });
          }
        }
      }
    }
  }
  // All-zero weights only matter when direct weights are used; AHP weights are always positive. In a tree the top
  // level must carry weight; a group whose sub-criteria all weigh 0 is reported by the evaluation with its path.
  const infos = [...criteria.entries()].filter(([, c]) => c.parentId === null);
  if (weightSource === "direct" && infos.length > 0 && infos.every(([, c]) => c.weight !== null)) {
    const effective = infos.map(([id, c]) => {
      const o = overrides[id];
      return typeof o === "number" && Number.isFinite(o) && o >= 0 ? o : (c.weight as number);
    });
    if (effective.every((w) => w === 0))
      col.add("all_weights_zero", ["criteria"], "At least one criterion needs a weight above 0.");
  }
}
