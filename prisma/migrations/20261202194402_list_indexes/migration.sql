-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "teamId" TEXT,
    "title" TEXT NOT NULL,
    "titleSearch" TEXT NOT NULL DEFAULT '',
    "context" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "statusRank" INTEGER NOT NULL DEFAULT 0,
    "chosenCandidateId" TEXT,
    "outcomeRationale" TEXT NOT NULL DEFAULT '',
    "supersededById" TEXT,
    "templateKey" TEXT,
    "settings" JSONB,
    "archivedAt" DATETIME,
    "decidedAt" DATETIME,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Decision_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Decision_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Decision_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Decision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Backfill of the derived columns (lib/db/derived-columns.ts). lower() folds ASCII only here, and LIKE's wildcards
-- stay as they are; refreshDerivedColumns, which prisma/seed.ts runs after every migrate, repairs those titles.
INSERT INTO "new_Decision" ("archivedAt", "chosenCandidateId", "context", "createdAt", "createdById", "decidedAt", "id", "outcomeRationale", "settings", "status", "supersededById", "teamId", "templateKey", "title", "updatedAt", "version", "workspaceId", "titleSearch", "statusRank") SELECT "archivedAt", "chosenCandidateId", "context", "createdAt", "createdById", "decidedAt", "id", "outcomeRationale", "settings", "status", "supersededById", "teamId", "templateKey", "title", "updatedAt", "version", "workspaceId", lower("title"), CASE "status" WHEN 'DRAFT' THEN 0 WHEN 'IN_REVIEW' THEN 1 WHEN 'DECIDED' THEN 2 WHEN 'SUPERSEDED' THEN 3 ELSE 0 END FROM "Decision";
DROP TABLE "Decision";
ALTER TABLE "new_Decision" RENAME TO "Decision";
CREATE INDEX "Decision_workspaceId_status_updatedAt_idx" ON "Decision"("workspaceId", "status", "updatedAt");
CREATE INDEX "Decision_workspaceId_updatedAt_idx" ON "Decision"("workspaceId", "updatedAt");
CREATE INDEX "Decision_workspaceId_archivedAt_updatedAt_idx" ON "Decision"("workspaceId", "archivedAt", "updatedAt");
CREATE INDEX "Decision_workspaceId_archivedAt_statusRank_updatedAt_idx" ON "Decision"("workspaceId", "archivedAt", "statusRank", "updatedAt" DESC);
CREATE INDEX "Decision_workspaceId_archivedAt_titleSearch_idx" ON "Decision"("workspaceId", "archivedAt", "titleSearch");
CREATE INDEX "Decision_workspaceId_teamId_updatedAt_idx" ON "Decision"("workspaceId", "teamId", "updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Membership_workspaceId_createdAt_idx" ON "Membership"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Skill_workspaceId_category_name_idx" ON "Skill"("workspaceId", "category", "name");
