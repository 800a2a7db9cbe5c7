-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "decisionId" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_decisionId_createdAt_idx" ON "AuditEvent"("decisionId", "createdAt");

-- Backfill (the same rule as the SQLite migration): the events the change summary used to find by scanning the
-- workspace. An event belongs to a decision when its before/after names the decision (directly, or through a removed
-- row's snapshot), when it is an event on the decision itself, or when it is an event on one of the decision's
-- current criteria, candidates or
-- scores, or on a part whose removal snapshot names the decision (its earlier events).
UPDATE "AuditEvent" SET "decisionId" = COALESCE(
    "after" ->> 'decisionId',
    "before" ->> 'decisionId',
    "before" #>> '{row,decisionId}',
    CASE WHEN "entityType" = 'Decision' THEN "entityId" END,
    (SELECT "decisionId" FROM "Criterion" WHERE "id" = "AuditEvent"."entityId"),
    (SELECT "decisionId" FROM "Candidate" WHERE "id" = "AuditEvent"."entityId"),
    (SELECT r."before" #>> '{row,decisionId}' FROM "AuditEvent" r
      WHERE r."entityType" = "AuditEvent"."entityType" AND r."entityId" = "AuditEvent"."entityId"
        AND r."before" #>> '{row,decisionId}' IS NOT NULL LIMIT 1),
    (SELECT c."decisionId" FROM "Score" s JOIN "Criterion" c ON c."id" = s."criterionId" WHERE s."id" = "AuditEvent"."entityId")
)
WHERE "entityType" IN ('Decision', 'Criterion', 'Candidate', 'Score', 'PairwiseJudgment', 'SkillRequirement', 'Scenario', 'ShareLink');
