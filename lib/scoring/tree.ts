// The criteria tree. Groups carry only a local weight; the leaves are scored. A criterion is a group exactly when some
// criterion names it as parent (a node without sub-criteria is scored, as in Expert Choice), so a flat decision is
// the one-level tree and needs nothing new. Global weight of a node = product of the normalised local weights down
// its path; the leaves' global weights sum to 1 and are what every other part of the engine reads.
import { scoringError } from "./errors";
import type { ScoringError } from "./result-types";
import type { CriterionInput } from "./types";
import { normaliseWeights } from "./weights";

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

/** What the tree reads of a criterion. */
export type TreeRow = Pick<CriterionInput, "id" | "parentId">;

export function parentOf(c: TreeRow): string | null {
  return c.parentId ?? null;
}

/** Unknown parents, a criterion under itself (directly or round a loop) and trees deeper than MAX_TREE_DEPTH. */
export function checkTree(criteria: readonly TreeRow[]): ScoringError[] {
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
export function buildTree(criteria: readonly TreeRow[]): CriteriaTree {
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
  // Criteria that passed checkTree have no loops; the guard keeps a broken list from recursing forever.
  const visiting = new Set<number>();
  const depthOf = (i: number): number => {
    if (depth[i] > 0) return depth[i];
    const p = parentOf(criteria[i]);
    const k = p === null ? undefined : index.get(p);
    visiting.add(i);
    depth[i] = k === undefined || visiting.has(k) ? 1 : depthOf(k) + 1;
    visiting.delete(i);
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

/** Depth-first order (a group, then its sub-criteria), siblings in model order: how lists show the tree. */
export function treeOrder(tree: CriteriaTree): number[] {
  const out: number[] = [];
  const walk = (i: number) => {
    out.push(i);
    tree.nodes[i].children.forEach(walk);
  };
  tree.sets[0].members.forEach(walk);
  return out;
}

/** Node i's siblings (i included) in model order. */
export function siblingsOf(tree: CriteriaTree, i: number): number[] {
  const p = tree.nodes[i].parentId;
  return tree.sets.find((s) => s.parentId === p)?.members ?? [i];
}

/**
 * The depth-first order after node i (with its sub-criteria) trades places with its previous (−1) or next (+1)
 * sibling; null at the end of its siblings. For a flat list this is the neighbour swap.
 */
export function moveAmongSiblings(tree: CriteriaTree, i: number, step: -1 | 1): number[] | null {
  const siblings = siblingsOf(tree, i);
  const k = siblings.indexOf(i);
  const other = siblings[k + step];
  if (other === undefined) return null;
  const order = treeOrder(tree);
  const block = (n: number) => {
    const start = order.indexOf(n);
    let end = start + 1;
    while (end < order.length && isUnder(tree, order[end], n)) end++;
    return [start, end] as const;
  };
  const [first, second] = step === -1 ? [other, i] : [i, other];
  const [a0, a1] = block(first);
  const [b0, b1] = block(second);
  return [...order.slice(0, a0), ...order.slice(b0, b1), ...order.slice(a0, a1), ...order.slice(b1)];
}

/** True when node k sits somewhere below node g. */
function isUnder(tree: CriteriaTree, k: number, g: number): boolean {
  const index = new Map(tree.nodes.map((n, i) => [n.id, i]));
  for (let p = tree.nodes[k].parentId; p !== null; p = tree.nodes[index.get(p)!].parentId) {
    if (p === tree.nodes[g].id) return true;
  }
  return false;
}

/** Ids a criterion may be moved under: every other criterion except its own sub-criteria (that would be a loop). */
export function possibleParents(tree: CriteriaTree, i: number): number[] {
  return tree.nodes.map((_, k) => k).filter((k) => k !== i && !isUnder(tree, k, i));
}

/**
 * Shares for a list on screen (setup, matrix): each criterion's share among its siblings and of the goal. A flat list
 * is normaliseWeights, exactly as the results compute it; null when the weights leave nothing to share.
 */
export function listShares(
  rows: readonly (TreeRow & { weight: number })[],
): { local: number[]; global: number[]; tree: CriteriaTree } | null {
  const tree = buildTree(rows);
  const raw = rows.map((r) => r.weight);
  if (tree.flat) {
    const shares = normaliseWeights(raw);
    return shares && { local: shares, global: shares, tree };
  }
  const split = treeShares(tree, raw);
  return split.ok ? { local: split.local, global: split.global, tree } : null;
}

/** The criteria that are scored (no sub-criteria), in list order; a flat list comes back whole. */
export function scoredCriteria<T extends TreeRow>(rows: readonly T[]): T[] {
  const groups = new Set(rows.map((r) => r.parentId ?? null).filter((p) => p !== null));
  return groups.size === 0 ? [...rows] : rows.filter((r) => !groups.has(r.id));
}
