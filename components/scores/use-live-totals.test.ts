import { describe, expect, test } from "vitest";
import type { CandidateDto, CriterionDto, ScoreDto } from "@/lib/decisions/dto";
import { gridScores, type OwnCells } from "./use-live-totals";
import { cellKey } from "./use-score-saver";

const criterion = (id: string, kind: CriterionDto["kind"] = "RATING"): CriterionDto => ({
  id,
  name: id,
  description: "",
  lowMeaning: "",
  highMeaning: "",
  weight: 10,
  kind,
  direction: "BENEFIT",
  scaleMin: 0,
  scaleMax: 10,
  unit: null,
  worst: null,
  best: null,
  threshold: null,
  currency: null,
  valueCurve: null,
  autoReferences: false,
  pairwise: false,
  parentId: null,
  position: 0,
  version: 1,
});
const candidate = (id: string): CandidateDto => ({ id, name: id, description: "", link: "", position: 0, version: 1 });
const score = (evaluatorId: string, criterionId: string, candidateId: string, value: number): ScoreDto => ({
  id: `${evaluatorId}-${criterionId}-${candidateId}`,
  criterionId,
  candidateId,
  evaluatorId,
  value,
  rationale: "why",
  evidenceUrl: "",
  version: 3,
});

const criteria = [criterion("learning"), criterion("skills", "SKILL_MATCH")];
const candidates = [candidate("kafka"), candidate("rabbit")];
const mineStored = score("me", "learning", "kafka", 6);
const sent = [score("bo", "learning", "kafka", 4), mineStored];
const decision = { criteria, candidates, scores: sent };
const others = sent.filter((s) => s.evaluatorId !== "me");

/** What the saver reports: stored rows, overridden by pending saves (a pending delete shows as null). */
const own = (pending: Record<string, number | null> = {}): OwnCells => {
  const mine = { [cellKey("learning", "kafka")]: mineStored };
  return { mine, valueOf: (k) => (k in pending ? pending[k] : (mine[k]?.value ?? null)) };
};

const values = (scores: ScoreDto[]) => scores.map((s) => [s.evaluatorId, s.criterionId, s.candidateId, s.value]);

describe("gridScores", () => {
  test("a read-only grid (viewer, decided decision) uses what the server sent, the person's own scores included", () => {
    const r = gridScores({ decision, others, meId: "me", canScore: false, own: own(), draft: null });
    expect(values(r)).toEqual([
      ["bo", "learning", "kafka", 4],
      ["me", "learning", "kafka", 6],
    ]);
  });

  test("a scorer's own cells count as they see them: a pending save replaces the stored value", () => {
    const r = gridScores({
      decision,
      others,
      meId: "me",
      canScore: true,
      own: own({ [cellKey("learning", "kafka")]: 8 }),
      draft: null,
    });
    expect(values(r)).toEqual([
      ["bo", "learning", "kafka", 4],
      ["me", "learning", "kafka", 8],
    ]);
    // The stored row's rationale and version travel with the new value.
    expect(r[1]).toMatchObject({ id: mineStored.id, rationale: "why", version: 3 });
  });

  test("the value being typed counts before it is committed, on a cell not scored yet", () => {
    const r = gridScores({
      decision,
      others,
      meId: "me",
      canScore: true,
      own: own(),
      draft: { key: cellKey("learning", "rabbit"), value: 7 },
    });
    expect(values(r)).toEqual([
      ["bo", "learning", "kafka", 4],
      ["me", "learning", "kafka", 6],
      ["me", "learning", "rabbit", 7],
    ]);
  });

  test("a pending delete removes the person's cell; computed skill-match cells are never their scores", () => {
    const r = gridScores({
      decision,
      others,
      meId: "me",
      canScore: true,
      own: { ...own({ [cellKey("learning", "kafka")]: null }) },
      draft: { key: cellKey("skills", "kafka"), value: 5 },
    });
    expect(values(r)).toEqual([["bo", "learning", "kafka", 4]]);
  });
});
