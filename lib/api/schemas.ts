// Response shapes of /api/v1 as zod schemas: the OpenAPI document shows them and the API tests check every response
// body against them (through the document). Request bodies reuse the field rules of lib/validation.
import { z } from "zod";
import type { CriterionDto } from "@/lib/decisions/dto";
import { curveFromText } from "@/lib/validation/value-curve";
import {
  criterionKindSchema,
  decisionStatusSchema,
  directionSchema,
  teamAggregationSchema,
} from "@/lib/validation/enums";

const id = z.string();
const isoTime = z.string().meta({ description: "ISO 8601 time, UTC." });
const day = z.string().meta({ description: "Calendar day, YYYY-MM-DD." });

export const idParam = (name: string) => z.object({ [name]: z.string().min(1).max(64) });

export const pageInfoSchema = z
  .object({
    nextCursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next page; null on the last." }),
  })
  .meta({ id: "PageInfo" });

export const decisionListItemSchema = z
  .object({
    id,
    title: z.string(),
    status: decisionStatusSchema,
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    candidateCount: z.number().int(),
    criterionCount: z.number().int(),
    archived: z.boolean(),
    updatedAt: isoTime,
    version: z.number().int(),
  })
  .meta({ id: "DecisionListItem" });

export const criterionSchema = z
  .object({
    id,
    name: z.string(),
    description: z.string(),
    lowMeaning: z.string(),
    highMeaning: z.string(),
    weight: z.number(),
    kind: criterionKindSchema,
    direction: directionSchema,
    scaleMin: z.number().nullable(),
    scaleMax: z.number().nullable(),
    unit: z.string().nullable(),
    worst: z.number().nullable(),
    best: z.number().nullable(),
    valueCurve: z
      .array(z.tuple([z.number(), z.number()]))
      .nullable()
      .meta({
        description:
          "METRIC value function: [raw value, points 0–10] pairs with ascending raw values (two equal raw values make " +
          "a step; a value exactly on it gets the higher points), rising for a benefit and falling for a cost, " +
          "clamped outside the first and last pair. Replaces worst/best when set; null is linear between them.",
      }),
    autoReferences: z.boolean().meta({
      description:
        "METRIC: while true and neither references nor a curve are set, worst/best are fixed at the first two " +
        "different measured values (then this turns false). New criteria start true.",
    }),
    pairwise: z.boolean().meta({
      description:
        "RATING: the candidates are compared in pairs (candidate-judgments) instead of scored; points are the " +
        "ideal-mode priorities 10·p/max p of the group's geometric-mean judgments. Direction and scale do not apply.",
    }),
    threshold: z.number().nullable(),
    parentId: id.nullable().meta({
      description:
        "The group this criterion sits under (null: top level). A criterion with sub-criteria is a group: its weight " +
        "is local to its siblings, global weight = product of the local shares down the path, and its leaves are scored.",
    }),
    currency: z
      .string()
      .nullable()
      .meta({ description: "ISO 4217 code when the criterion is money (a measured cost); null otherwise." }),
    position: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "Criterion" });

/** A stored criterion as the API shows it: the value curve as pairs rather than the column's JSON text. */
export const apiCriterion = (c: CriterionDto) => ({
  ...c,
  valueCurve: curveFromText(c.valueCurve)?.map(([x, p]): [number, number] => [x, p]) ?? null,
});

export const candidateSchema = z
  .object({
    id,
    name: z.string(),
    description: z.string(),
    link: z.string(),
    position: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "Candidate" });

export const decisionSchema = z
  .object({
    id,
    title: z.string(),
    context: z.string(),
    status: decisionStatusSchema,
    teamId: z.string().nullable(),
    chosenCandidateId: z.string().nullable(),
    outcomeRationale: z.string(),
    archived: z.boolean().meta({ description: "Archived decisions are left out of lists unless asked for." }),
    scoring: z.object({ aggregation: z.enum(["mean", "median"]), weightSource: z.enum(["direct", "ahp"]) }),
    createdAt: isoTime,
    updatedAt: isoTime,
    version: z.number().int(),
    criteria: z.array(criterionSchema),
    candidates: z.array(candidateSchema),
  })
  .meta({ id: "Decision" });

export const factSchema = z
  .object({
    id,
    criterionId: id,
    candidateId: id,
    value: z.number(),
    unit: z.string().nullable(),
    sourceUrl: z.string(),
    note: z.string(),
    measuredOn: day,
    enteredById: z.string().nullable(),
    enteredByName: z.string().nullable(),
    version: z.number().int(),
    updatedAt: isoTime,
  })
  .meta({ id: "Fact" });

export const scoreSchema = z
  .object({
    id,
    criterionId: id,
    candidateId: id,
    evaluatorId: id,
    value: z.number(),
    rationale: z.string(),
    evidenceUrl: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Score" });

export const candidateJudgmentSchema = z
  .object({
    id,
    criterionId: id,
    evaluatorId: id,
    candidateAId: id,
    candidateBId: id,
    value: z.number().meta({ description: "On the criterion, candidate A is `value` times as good as B (1/9 to 9)." }),
    version: z.number().int(),
  })
  .meta({ id: "CandidateJudgment" });

export const cellOpinionsSchema = z
  .object({
    criterionId: id,
    candidateId: id,
    opinions: z.array(
      z.object({
        evaluatorId: id,
        evaluatorName: z.string(),
        value: z.number(),
        rationale: z.string(),
        evidenceUrl: z.string(),
      }),
    ),
  })
  .meta({ id: "CellOpinions" });

export const teamSummarySchema = z
  .object({
    id,
    name: z.string(),
    description: z.string(),
    aggregation: teamAggregationSchema,
    memberCount: z.number().int(),
    decisionCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "TeamSummary" });

export const teamMemberSchema = z
  .object({
    id,
    name: z.string(),
    userId: z.string().nullable(),
    userName: z.string().nullable(),
    position: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "TeamMember" });

/** The team's level in one skill set by judgement (with its reason), in place of the members' aggregate. */
export const overrideSchema = z
  .object({ skillId: id, level: z.number(), reason: z.string(), version: z.number().int() })
  .meta({ id: "SkillOverride" });

export const ratingSchema = z
  .object({ memberId: id, skillId: id, level: z.number(), version: z.number().int() })
  .meta({ id: "Rating" });

export const teamSchema = z
  .object({
    id,
    name: z.string(),
    description: z.string(),
    aggregation: teamAggregationSchema,
    version: z.number().int(),
    members: z.array(teamMemberSchema),
    ratings: z.array(ratingSchema),
    overrides: z.array(overrideSchema),
  })
  .meta({ id: "Team" });

export const skillSchema = z
  .object({
    id,
    name: z.string(),
    category: z.string(),
    description: z.string(),
    version: z.number().int(),
    ratingCount: z.number().int(),
    requirementCount: z.number().int(),
    overrideCount: z.number().int(),
  })
  .meta({ id: "Skill" });

export const requirementSchema = z
  .object({
    id,
    candidateId: id,
    skillId: id,
    weight: z.number(),
    minLevel: z.number().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Requirement" });

export const auditEventSchema = z
  .object({
    id,
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorEmail: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ipAddress: z.string().nullable(),
    createdAt: isoTime,
  })
  .meta({ id: "AuditEvent" });

const nullableNumber = z.number().nullable();

/** One criterion's (or group's) one-way sensitivity, as the results give it. */
const sensitivityEntry = z.object({
  criterionId: id,
  currentShare: z.number(),
  stableFrom: z.number(),
  stableTo: z.number(),
  flipAt: nullableNumber,
  flipTo: z.string().nullable(),
});

/** Kendall's W of several evaluators' rankings (lib/scoring/consensus.ts); null when fewer than two are comparable. */
const concordanceSchema = z
  .object({
    w: z.number().meta({ description: "0 = no agreement beyond chance ordering, 1 = the same order from everyone." }),
    raters: z.number().int(),
    items: z.number().int(),
    chiSquare: z.number().meta({ description: "m(n − 1)·W: Friedman's statistic with the tie correction." }),
    df: z.number().int(),
    pValue: z.number().meta({ description: "How often evaluators ranking at random would agree at least this well." }),
    tied: z.boolean(),
  })
  .nullable();

export const resultsSchema = z
  .object({
    decisionId: id,
    ok: z.boolean().meta({ description: "False when the decision cannot be evaluated yet; `errors` says why." }),
    errors: z.array(z.object({ code: z.string(), message: z.string() })),
    weightSource: z.enum(["direct", "ahp"]).nullable(),
    weights: z.array(z.object({ criterionId: id, criterion: z.string(), raw: z.number(), share: z.number() })),
    ranking: z.array(
      z.object({
        candidateId: id,
        candidate: z.string(),
        total: z.number().meta({ description: "Weighted total Σ ŵ·s on 0–10 points (a partial sum when incomplete)." }),
        rank: z.number().int().nullable(),
        tied: z.boolean(),
        margin: nullableNumber,
        incomplete: z.boolean(),
        excluded: z.boolean(),
        missingCriteria: z.array(id),
        contributions: z.array(
          z.object({ criterionId: id, share: z.number(), points: nullableNumber, contribution: nullableNumber }),
        ),
      }),
    ),
    winnerId: z.string().nullable(),
    tieAtTop: z.boolean(),
    topsis: z
      .object({
        winnerId: z.string().nullable(),
        agreesWithWeightedSum: z.boolean(),
        closeness: z.array(
          z.object({
            candidateId: id,
            closeness: z.number(),
            rank: z.number().int(),
            dPlus: z.number(),
            dMinus: z.number(),
          }),
        ),
      })
      .nullable(),
    sensitivity: z
      .object({
        leaderId: z.string().nullable(),
        criteria: z.array(sensitivityEntry),
        smallestChange: z
          .object({
            criterionId: id,
            fromShare: z.number(),
            toShare: z.number(),
            delta: z.number(),
            newWinnerId: id,
          })
          .nullable(),
      })
      .nullable(),
    monteCarlo: z
      .object({
        samples: z.number().int(),
        seed: z.number().int(),
        kappa: z.number(),
        pWinnerFirst: nullableNumber,
        seWinnerFirst: nullableNumber,
        pFirst: z.array(z.object({ candidateId: id, p: z.number(), se: z.number() })),
      })
      .nullable(),
    consensus: z
      .object({
        overall: concordanceSchema.meta({
          description: "The evaluators' rankings of the ranked candidates by each one's own weighted total.",
        }),
        evaluatorIds: z.array(id).meta({ description: "Evaluators compared overall: those who scored every cell." }),
        criteria: z.array(
          z.object({
            criterionId: id,
            evaluatorIds: z.array(id),
            concordance: concordanceSchema,
          }),
        ),
      })
      .nullable()
      .meta({
        description:
          "How far the evaluators agree on the order (Kendall's W with the tie correction); measured facts and skill matches are left out.",
      }),
    tree: z
      .object({
        nodes: z.array(
          z.object({
            criterionId: id,
            criterion: z.string(),
            parentId: id.nullable(),
            depth: z.number().int(),
            leaf: z.boolean(),
            raw: z.number(),
            localShare: z.number(),
            globalShare: z.number(),
          }),
        ),
        ahp: z.array(
          z.object({
            parentId: id,
            cr: nullableNumber,
            weights: z.array(z.object({ criterionId: id, weight: z.number() })).nullable(),
          }),
        ),
        groupSensitivity: z.array(sensitivityEntry),
      })
      .nullable()
      .meta({
        description:
          "The criteria tree, null for a flat list. Every criterion with its share among its siblings and of the " +
          "goal (the product down the path; `weights` lists the leaves with these global shares); AHP per group; " +
          "and per group the share interval over which the leader stays first, its sub-criteria keeping their split.",
      }),
    pairwise: z
      .array(
        z.object({
          criterionId: id,
          status: z.enum(["ok", "none", "disconnected"]),
          priorities: z.array(z.object({ candidateId: id, priority: z.number(), points: z.number() })),
          lambdaMax: nullableNumber,
          ci: nullableNumber,
          cr: nullableNumber,
          consistent: z.boolean(),
          evaluatorCount: z.number().int(),
          missingPairs: z.array(z.object({ candidateA: id, candidateB: id })),
          unjudged: z.array(id),
        }),
      )
      .meta({
        description:
          "Per pairwise criterion: the group's eigenvector priorities (sum 1) and ideal-mode points 10·p/max p, " +
          "λmax, CI and CR (null for two candidates); candidates nobody compared are `unjudged` (missing cells).",
      }),
    discussion: z
      .array(
        z.object({
          criterionId: id,
          candidateId: id,
          evaluatorCount: z.number().int(),
          min: z.number(),
          max: z.number(),
          pointsMin: z.number(),
          pointsMax: z.number(),
          share: z.number(),
          swing: z.number().meta({
            description:
              "share × (pointsMax − pointsMin): points of the candidate's total between the lowest and highest view.",
          }),
          portion: z.number().meta({ description: "This cell's swing over the sum of the list's swings." }),
          changesLeader: z.boolean().meta({
            description: "Taking the lowest or highest view of this cell alone would put another candidate first.",
          }),
          changesRank: z.boolean(),
        }),
      )
      .meta({
        description:
          "Cells two or more evaluators scored differently, largest weighted swing first. Everyone's value and " +
          "rationale of a cell: GET /decisions/{decisionId}/cells/{candidateId}/{criterionId}/opinions.",
      }),
    valueForMoney: z
      .discriminatedUnion("kind", [
        z.object({
          kind: z.literal("ok"),
          currency: z.string(),
          unit: z.string().nullable(),
          moneyCriterionIds: z.array(id),
          benefitShare: z.number().meta({ description: "Σ share of the criteria that are not money." }),
          points: z.array(
            z.object({
              candidateId: id,
              benefit: z.number().meta({ description: "Weighted total over the other criteria, rescaled to 0–10." }),
              cost: z.number().meta({ description: "The money criteria's amounts added up." }),
              dominated: z.boolean(),
              dominatedBy: z.array(id),
            }),
          ),
          frontier: z.array(id).meta({ description: "The Pareto frontier, cheapest first." }),
          steps: z.array(
            z.object({ from: id, to: id, extraCost: z.number(), extraBenefit: z.number() }).meta({
              description: "Moving up the frontier from one member to the next: what it costs and buys.",
            }),
          ),
          withoutCost: z.array(id),
        }),
        z.object({
          kind: z.literal("mixed"),
          currencies: z.array(z.object({ currency: z.string(), unit: z.string().nullable() })),
        }),
        z.object({ kind: z.literal("noBenefit"), currency: z.string(), unit: z.string().nullable() }),
      ])
      .nullable()
      .meta({
        description:
          "Benefit against cost when criteria are marked as money (a currency); null when none is. `mixed`: " +
          "their currencies or units differ; `noBenefit`: every weighted criterion is money.",
      }),
    verdict: z
      .object({
        key: z
          .string()
          .meta({ description: "Message key of the plain-words verdict (verdict.clear, verdict.close…)." }),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
      })
      .nullable(),
  })
  .meta({ id: "Results" });
export type ResultsBody = z.infer<typeof resultsSchema>;

export const shareLinkSchema = z
  .object({
    id,
    createdAt: isoTime,
    expiresAt: isoTime,
    revokedAt: isoTime.nullable(),
    createdByName: z.string().nullable(),
    state: z.enum(["active", "expired", "revoked"]),
  })
  .meta({ id: "ShareLink" });

export const shareLinkCreatedSchema = z
  .object({
    id,
    expiresAt: isoTime,
    url: z
      .string()
      .nullable()
      .meta({
        description:
          "The read-only report link, shown once (only its hash is stored). Null on an Idempotency-Key replay: the " +
          "secret is not kept for replays; revoke and create another if it was lost.",
      }),
  })
  .meta({ id: "ShareLinkCreated" });

export const tokenInfoSchema = z
  .object({
    userId: id,
    workspaceId: id,
    role: z.enum(["ADMIN", "ARCHITECT", "TEAM_LEAD", "VIEWER"]),
    scopes: z.array(z.string()),
  })
  .meta({ id: "TokenInfo" });
