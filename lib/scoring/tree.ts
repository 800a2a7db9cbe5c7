// The criteria tree. Groups carry only a local weight; the leaves are scored. A criterion is a group exactly when some
// criterion names it as parent (a node without sub-criteria is scored, as in Expert Choice), so a flat decision is
// the one-level tree and needs nothing new. Global weight of a node = product of the normalised local weights down
// its path; the leaves' global weights sum to 1 and are what every other part of the engine reads.
import { scoringError } from "./errors";
import type { ScoringError } from "./result-types";
import type { CriterionInput } from "./types";

/** Levels below the goal; three are usual, deeper trees are almost always a modelling mistake. */
export const MAX_TREE_DEPTH = 5;

export interface TreeNode {
  id: string;
  parentId: string | null;
  /** 1 for a top-level criterion. */
  depth: number;
  /** Indices into the criteria list, in model order. */
  children: number[];
}

export interface SiblingSet {
  parentId: string | null;
  /** Indices into the criteria list, in model order. */
  members: number[];
}

export interface CriteriaTree {
  nodes: TreeNode[];
  /** Indices of the scored criteria (no sub-criteria), in model order. */
  leaves: number[];
  /** The root's children first, then every group's children, breadth first. */
  sets: SiblingSet[];
  /** True when no criterion has a parent: today's flat list. */
  flat: boolean;
}

export function parentOf(c: CriterionInput): string | null {
  return c.parentId ?? null;
}

/** Unknown parents, a criterion under itself (directly or round a loop) and trees deeper than MAX_TREE_DEPTH. */
export function checkTree(criteria: readonly CriterionInput[]): ScoringError[] {
  const errors: ScoringError[] = [];
  const index = new Map(criteria.map((c, i) => [c.id, i]));
  criteria.forEach((c, i) => {
    const p = parentOf(c);
    if (p === null) return;
    if (!index.has(p)) {
      errors.push(scoringError("unknown_parent", ["criteria", i, "parentId"], "The parent criterion does not exist."));
      return;
    }
    // Walk up; a loop shows as a revisit, depth as the number of steps to the root.
    const seen = new Set<string>([c.id]);
    let depth = 1;
    let at: string | null = p;
    while (at !== null) {
      if (seen.has(at)) {
        errors.push(scoringError("parent_cycle", ["criteria", i, "parentId"], "A criterion cannot sit under itself."));
        return;
      }
      seen.add(at);
      depth += 1;
      const k = index.get(at);
      at = k === undefined ? null : parentOf(criteria[k]);
    }
    if (depth > MAX_TREE_DEPTH) {
      errors.push(
        scoringError(
          "tree_too_deep",
          ["criteria", i, "parentId"],
          `The criteria tree can be at most ${MAX_TREE_DEPTH} levels deep.`,
          { max: MAX_TREE_DEPTH },
        ),
      );
    }
  });
  return errors;
}

/** The tree of criteria that passed checkTree. */
export function buildTree(criteria: readonly CriterionInput[]): CriteriaTree {
  const index = new Map(criteria.map((c, i) => [c.id, i]));
  const children: number[][] = criteria.map(() => []);
  const root: number[] = [];
  criteria.forEach((c, i) => {
    const p = parentOf(c);
    const k = p === null ? undefined : index.get(p);
    if (k === undefined) root.push(i);
    else children[k].push(i);
  });
  const depth = new Array<number>(criteria.length).fill(0);
  const depthOf = (i: number): number => {
    if (depth[i] > 0) return depth[i];
    const p = parentOf(criteria[i]);
    const k = p === null ? undefined : index.get(p);
    depth[i] = k === undefined ? 1 : depthOf(k) + 1;
    return depth[i];
  };
  const nodes = criteria.map((c, i) => ({
    id: c.id,
    parentId: index.has(parentOf(c) ?? "") ? parentOf(c) : null,
    depth: depthOf(i),
    children: children[i],
  }));
  // Breadth first from the root, so every group's set comes after the set that holds the group.
  const sets: SiblingSet[] = [{ parentId: null, members: root }];
  for (let s = 0; s < sets.length; s++) {
    for (const i of sets[s].members) {
      if (children[i].length > 0) sets.push({ parentId: criteria[i].id, members: children[i] });
    }
  }
  return {
    nodes,
    leaves: criteria.map((_, i) => i).filter((i) => children[i].length === 0),
    sets,
    flat: root.length === criteria.length,
  };
}

export type TreeShares =
  | { ok: true; local: number[]; global: number[] }
  /** A group that carries weight has sub-criteria that all weigh 0, so its weight has nowhere to go. */
  | { ok: false; groupId: string | null };

/**
 * Local shares (raw weight over the siblings' sum) and global shares (their product down the path) per criterion.
 * A set whose parent carries no weight may weigh nothing: its members get local share 0 and global share 0.
 */
export function treeShares(tree: CriteriaTree, raw: readonly number[]): TreeShares {
  const local = new Array<number>(raw.length).fill(0);
  const global = new Array<number>(raw.length).fill(0);
  const indexOf = new Map(tree.nodes.map((n, i) => [n.id, i]));
  // Sets are listed root first and each group after the set holding it, so a parent's global share is known first.
  for (const set of tree.sets) {
    const parentGlobal = set.parentId === null ? 1 : global[indexOf.get(set.parentId)!];
    let sum = 0;
    for (const i of set.members) sum += raw[i];
    if (!(sum > 0)) {
      if (parentGlobal > 0) return { ok: false, groupId: set.parentId };
      continue;
    }
    for (const i of set.members) {
      local[i] = raw[i] / sum;
      global[i] = set.parentId === null ? local[i] : parentGlobal * local[i];
    }
  }
  return { ok: true, local, global };
}

/** The leaves under node i (i itself when it is a leaf), in model order. */
export function leavesUnder(tree: CriteriaTree, i: number): number[] {
  const out: number[] = [];
  const walk = (k: number) => {
    const ch = tree.nodes[k].children;
    if (ch.length === 0) out.push(k);
    else ch.forEach(walk);
  };
  walk(i);
  return out.sort((a, b) => a - b);
}
