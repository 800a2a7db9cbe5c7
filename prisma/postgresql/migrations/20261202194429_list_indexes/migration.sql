-- DropIndex
DROP INDEX "Decision_workspaceId_status_idx";

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "statusRank" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "titleSearch" TEXT NOT NULL DEFAULT '';

-- Backfill of the derived columns (lib/db/derived-columns.ts). Where lower() folds differently from JavaScript's
-- toLowerCase (it depends on the database's collation) and for LIKE's wildcards, refreshDerivedColumns repairs the row
-- after migrate (prisma/seed.ts runs it).
UPDATE "Decision" SET "titleSearch" = lower("title"),
  "statusRank" = CASE "status" WHEN 'DRAFT' THEN 0 WHEN 'IN_REVIEW' THEN 1 WHEN 'DECIDED' THEN 2 WHEN 'SUPERSEDED' THEN 3 ELSE 0 END;

-- CreateIndex
CREATE INDEX "Decision_workspaceId_status_updatedAt_idx" ON "Decision"("workspaceId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Decision_workspaceId_archivedAt_updatedAt_idx" ON "Decision"("workspaceId", "archivedAt", "updatedAt");

-- CreateIndex
CREATE INDEX "Decision_workspaceId_archivedAt_statusRank_updatedAt_idx" ON "Decision"("workspaceId", "archivedAt", "statusRank", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Decision_workspaceId_archivedAt_titleSearch_idx" ON "Decision"("workspaceId", "archivedAt", "titleSearch");

-- CreateIndex
CREATE INDEX "Decision_workspaceId_teamId_updatedAt_idx" ON "Decision"("workspaceId", "teamId", "updatedAt");

-- CreateIndex
CREATE INDEX "Membership_workspaceId_createdAt_idx" ON "Membership"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Skill_workspaceId_category_name_idx" ON "Skill"("workspaceId", "category", "name");
