// Everything a report or an export needs about one decision, as plain data. Built once on the server
// (lib/server/exports.ts) and rendered by the report page, the PDF, the Markdown ADR and the spreadsheets, so they all
// show the same figures.
import type { DecisionDetail } from "@/lib/decisions/dto";
import { decisionOptionsOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { MC_SAMPLES, decisionSeed } from "@/lib/results/seed";
import {
  buildTree,
  evaluateDecision,
  treeOrder,
  type DecisionResult,
  type EvaluationOutcome,
  type ScoringError,
} from "@/lib/scoring";
import type { EvaluateOptions } from "@/lib/scoring/types";

export type ChangeValue = string | number | boolean | null;

/** One audit event, with the names and values a sentence needs (change-log.ts); absent parts do not apply. */
export interface ChangeEntry {
  /** ISO 8601, UTC */
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  criterion?: string | null;
  /** The second criterion of a pairwise judgment. */
  criterionB?: string | null;
  /** The second candidate of a pairwise comparison of candidates. */
  candidateB?: string | null;
  candidate?: string | null;
  skill?: string | null;
  /** A scenario's name. */
  name?: string | null;
  field?: string | null;
  from?: ChangeValue;
  to?: ChangeValue;
}

/**
 * Where a cell's raw value comes from, when it is a measured fact rather than an opinion: the source link and the
 * day it was measured. Filled by the data layer from the facts of a candidate (empty while values are scores only).
 */
export interface CellSource {
  criterionId: string;
  candidateId: string;
  sourceUrl: string | null;
  /** YYYY-MM-DD */
  measuredOn: string | null;
}

export interface ReportBundle {
  decision: DecisionDetail;
  teamName: string | null;
  decidedAt: string | null;
  createdByName: string | null;
  settings: Record<string, unknown> | null;
  /** Evaluators by display name only: a report travels (PDF, share link), e-mail addresses stay home. */
  evaluators: { id: string; name: string }[];
  result: DecisionResult | null;
  cellSources: CellSource[];
  errors: ScoringError[];
  /** Latest first; at most CHANGE_LIMIT entries, plus the count of all. */
  changes: ChangeEntry[];
  changeCount: number;
  generatedAt: string;
  /**
   * The criteria tree, depth first, when the decision has one (null: a flat list). `decision.criteria` then holds
   * only the scored criteria (the leaves), so every table of cells and shares lists what was scored, with its share
   * of the goal; this list adds the groups with each node's share of its group and of the goal.
   */
  tree?: ReportTreeNode[] | null;
}

export interface ReportTreeNode {
  criterionId: string;
  name: string;
  /** The group's name; null at the top level. */
  parent: string | null;
  depth: number;
  leaf: boolean;
  localShare: number;
  globalShare: number;
}

/** The rendering view of an evaluated decision: leaves as its criteria, and the tree beside them. */
export function treeView(
  decision: DecisionDetail,
  result: DecisionResult | null,
): { decision: DecisionDetail; tree: ReportTreeNode[] | null } {
  if (!result?.tree) return { decision, tree: null };
  const nodes = new Map(result.tree.nodes.map((n) => [n.criterionId, n]));
  const name = (id: string | null) => decision.criteria.find((c) => c.id === id)?.name ?? null;
  const order = treeOrder(buildTree(decision.criteria)).map((i) => decision.criteria[i]);
  return {
    decision: { ...decision, criteria: decision.criteria.filter((c) => nodes.get(c.id)?.leaf !== false) },
    tree: order.map((c) => {
      const n = nodes.get(c.id)!;
      return {
        criterionId: c.id,
        name: c.name,
        parent: name(n.parentId),
        depth: n.depth,
        leaf: n.leaf,
        localShare: n.localShare,
        globalShare: n.globalShare,
      };
    }),
  };
}

/**
 * The same evaluation the results tab shows, including the Monte Carlo run with the decision's fixed seed
 * (lib/results/seed.ts), so the report's probabilities match the screen's.
 */
export function evaluateForReport(decision: DecisionDetail): { result: DecisionResult | null; errors: ScoringError[] } {
  return reportOutcome(evaluateDecision(toScoringModel(decision), reportOptions(decision)));
}

/** The engine options of every report and export that shows probabilities: the results page's. */
export function reportOptions(decision: DecisionDetail): EvaluateOptions {
  return { ...decisionOptionsOf(decision), monteCarlo: { samples: MC_SAMPLES, seed: decisionSeed(decision.id) } };
}

export function reportOutcome(outcome: EvaluationOutcome): { result: DecisionResult | null; errors: ScoringError[] } {
  return outcome.ok ? { result: outcome.result, errors: [] } : { result: null, errors: outcome.errors };
}

/** Lookups by id that every renderer needs. */
export function namesOf(b: ReportBundle) {
  const criteria = new Map(b.decision.criteria.map((c) => [c.id, c]));
  const candidates = new Map(b.decision.candidates.map((c) => [c.id, c]));
  const skills = new Map(b.decision.skills.map((s) => [s.id, s.name]));
  const evaluators = new Map(b.evaluators.map((e) => [e.id, e.name]));
  return {
    criterion: (id: string) => criteria.get(id)?.name ?? "?",
    candidate: (id: string) => candidates.get(id)?.name ?? "?",
    skill: (id: string) => skills.get(id) ?? "?",
    evaluator: (id: string) => evaluators.get(id) ?? "?",
    candidatePosition: (id: string) => candidates.get(id)?.position ?? 0,
  };
}

/** The aggregated cell for a criterion × candidate, or undefined. */
export function cellOf(result: DecisionResult | null, criterionId: string, candidateId: string) {
  return result?.cells.find((c) => c.criterionId === criterionId && c.candidateId === candidateId);
}
