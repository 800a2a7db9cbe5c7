// From stored weights (or AHP judgments) to the shares every other part of the engine reads: one share per leaf,
// its global weight. A flat decision keeps today's arithmetic exactly (raw / Σ raw over the list); a tree takes each
// group's raw weights as local to its siblings (AHP: each group its own pairwise set) and multiplies down the path.
import { assembleAhp } from "./ahp-result";
import { scoringError } from "./errors";
import type { AhpResult, CriterionSensitivity, ScoringError, TreeResult } from "./result-types";
import { sensitivity } from "./sensitivity";
import { leavesUnder, treeShares, type CriteriaTree } from "./tree";
import type { DecisionModel, EvaluateOptions, PairwiseJudgmentInput } from "./types";
import { effectiveRawWeights, normaliseWeights } from "./weights";

export type TreeWeighting =
  | {
      ok: true;
      /** The top level's AHP (the whole list when flat). */
      ahp: AhpResult | null;
      /** Per leaf, in leaf order: the raw weight used and its global share. */
      raw: number[];
      shares: number[];
      /** Per criterion, groups included: share among its siblings (null when flat). */
      local: number[] | null;
      treeResult: Omit<TreeResult, "groupSensitivity"> | null;
      warnings: ScoringError[];
    }
  | { ok: false; errors: ScoringError[] };

export function treeWeights(
  model: DecisionModel,
  tree: CriteriaTree,
  ahpRequired: boolean,
  overrides: EvaluateOptions["weightOverrides"],
): TreeWeighting {
  const warnings: ScoringError[] = [];
  const all = model.criteria;
  const judgments = model.judgments ?? [];
  const allZero = () => ({
    ok: false as const,
    errors: [scoringError("all_weights_zero", ["criteria"], "At least one criterion needs a weight above 0.")],
  });

  if (tree.flat) {
    const outcome = buildAhp(
      all.map((c) => c.id),
      judgments,
      ahpRequired,
      null,
    );
    if (outcome.error) {
      if (ahpRequired) return { ok: false, errors: [outcome.error] };
      warnings.push(outcome.error);
    }
    const ahp = outcome.result;
    // What-if overrides apply on top of either source, so the sliders also explore around the AHP weights.
    const raw =
      ahpRequired && ahp
        ? effectiveRawWeights(
            all.map((c, i) => ({ ...c, weight: ahp.weights[i].weight })),
            overrides,
          )
        : effectiveRawWeights(all, overrides);
    const shares = normaliseWeights(raw);
    if (!shares) return allZero();
    return { ok: true, ahp, raw, shares, local: null, treeResult: null, warnings };
  }

  // AHP per sibling set: only judgments between siblings count. A judgment left between criteria that are no longer
  // siblings (one was moved into a group) is kept in the store but not used, and said so.
  const setOf = new Map<string, number>();
  tree.sets.forEach((set, k) => set.members.forEach((i) => setOf.set(all[i].id, k)));
  const strays = judgments.filter((j) => setOf.get(j.criterionA) !== setOf.get(j.criterionB)).length;
  if (strays > 0) {
    warnings.push(
      scoringError(
        "judgment_not_siblings",
        ["judgments"],
        "Judgments between criteria in different groups are not used; each group is compared within itself.",
        { count: strays },
      ),
    );
  }
  const ahpWeight = new Array<number>(all.length).fill(1);
  let rootAhp: AhpResult | null = null;
  const groupAhp: TreeResult["ahp"] = [];
  for (const [k, set] of tree.sets.entries()) {
    if (set.members.length < 2) continue;
    const ids = set.members.map((i) => all[i].id);
    const own = judgments.filter((j) => setOf.get(j.criterionA) === k && setOf.get(j.criterionB) === k);
    const outcome = buildAhp(ids, own, ahpRequired, set.parentId);
    if (outcome.error) {
      if (ahpRequired) return { ok: false, errors: [outcome.error] };
      warnings.push(outcome.error);
    }
    if (set.parentId === null) rootAhp = outcome.result;
    else groupAhp.push({ parentId: set.parentId, result: outcome.result });
    outcome.result?.weights.forEach((w, p) => (ahpWeight[set.members[p]] = w.weight));
  }

  const rawAll = effectiveRawWeights(
    ahpRequired ? all.map((c, i) => ({ ...c, weight: ahpWeight[i] })) : all,
    overrides,
  );
  const split = treeShares(tree, rawAll);
  if (!split.ok) {
    if (split.groupId === null) return allZero();
    const at = all.findIndex((c) => c.id === split.groupId);
    return {
      ok: false,
      errors: [
        scoringError(
          "group_weights_zero",
          ["criteria", at, "weight"],
          "At least one sub-criterion of this group needs a weight above 0.",
          { criterionId: split.groupId },
        ),
      ],
    };
  }
  return {
    ok: true,
    ahp: rootAhp,
    raw: tree.leaves.map((i) => rawAll[i]),
    shares: tree.leaves.map((i) => split.global[i]),
    local: split.local,
    treeResult: {
      nodes: all.map((c, i) => ({
        criterionId: c.id,
        parentId: tree.nodes[i].parentId,
        depth: tree.nodes[i].depth,
        leaf: tree.nodes[i].children.length === 0,
        raw: rawAll[i],
        localShare: split.local[i],
        globalShare: split.global[i],
      })),
      ahp: groupAhp,
    },
    warnings,
  };
}

function buildAhp(
  criterionIds: string[],
  judgments: readonly PairwiseJudgmentInput[],
  required: boolean,
  groupId: string | null,
): { result: AhpResult | null; error: ScoringError | null } {
  const within: Record<string, string> = groupId === null ? {} : { groupId };
  const assembled = assembleAhp(criterionIds, judgments);
  if (assembled.status === "none") {
    return {
      result: null,
      error: required
        ? scoringError(
            "ahp_no_judgments",
            ["judgments"],
            "AHP weights need pairwise judgments.",
            groupId === null ? undefined : within,
          )
        : null,
    };
  }
  if (assembled.status === "disconnected") {
    return {
      result: null,
      error: scoringError("ahp_incomplete", ["judgments"], "The judged pairs do not connect all criteria.", {
        missing: assembled.missingPairs.map((p) => `${p.criterionA}|${p.criterionB}`).join(","),
        missingCount: assembled.missingPairs.length,
        ...within,
      }),
    };
  }
  return { result: assembled.result, error: null };
}

/**
 * Each leaf's share of group g's weight: the product of the local shares from g's children down to the leaf. It is
 * defined even when g itself weighs nothing, which is when "what if this group mattered" is most worth asking.
 */
export function withinGroup(
  tree: CriteriaTree,
  local: readonly number[],
  g: number,
): { leaf: number; share: number }[] {
  const index = new Map(tree.nodes.map((n, i) => [n.id, i]));
  return leavesUnder(tree, g).map((leaf) => {
    let share = 1;
    for (let at = leaf; at !== g; at = index.get(tree.nodes[at].parentId!)!) share *= local[at];
    return { leaf, share };
  });
}

/**
 * Sensitivity of every group: the group becomes one column (its leaves' points weighted by their share within it)
 * beside every leaf outside it, and the one-way analysis moves that column's share exactly as it moves a leaf's.
 */
export function groupSensitivity(
  tree: CriteriaTree,
  local: readonly number[],
  globalOfGroup: (g: number) => number,
  leafIds: readonly string[],
  leafShares: readonly number[],
  contenderIds: readonly string[],
  contenderPoints: readonly (readonly number[])[],
  leader: number | null,
): CriterionSensitivity[] {
  const column = new Map(tree.leaves.map((leaf, j) => [leaf, j]));
  const out: CriterionSensitivity[] = [];
  tree.nodes.forEach((node, g) => {
    if (node.children.length === 0) return;
    const inside = withinGroup(tree, local, g).map(({ leaf, share }) => ({ j: column.get(leaf)!, share }));
    const insideCols = new Set(inside.map((x) => x.j));
    const outside = leafIds.map((_, j) => j).filter((j) => !insideCols.has(j));
    const s = sensitivity({
      criterionIds: [node.id, ...outside.map((j) => leafIds[j])],
      candidateIds: contenderIds,
      points: contenderPoints.map((p) => [
        inside.reduce((a, x) => a + x.share * p[x.j], 0),
        ...outside.map((j) => p[j]),
      ]),
      shares: [globalOfGroup(g), ...outside.map((j) => leafShares[j])],
      leader,
    });
    out.push(s.criteria[0]);
  });
  return out;
}
