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
    "inputsRevision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Decision_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Decision_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Decision_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Decision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Decision" ("archivedAt", "chosenCandidateId", "context", "createdAt", "createdById", "decidedAt", "id", "outcomeRationale", "settings", "status", "statusRank", "supersededById", "teamId", "templateKey", "title", "titleSearch", "updatedAt", "version", "workspaceId") SELECT "archivedAt", "chosenCandidateId", "context", "createdAt", "createdById", "decidedAt", "id", "outcomeRationale", "settings", "status", "statusRank", "supersededById", "teamId", "templateKey", "title", "titleSearch", "updatedAt", "version", "workspaceId" FROM "Decision";
DROP TABLE "Decision";
ALTER TABLE "new_Decision" RENAME TO "Decision";
CREATE INDEX "Decision_workspaceId_status_updatedAt_idx" ON "Decision"("workspaceId", "status", "updatedAt");
CREATE INDEX "Decision_workspaceId_updatedAt_idx" ON "Decision"("workspaceId", "updatedAt");
CREATE INDEX "Decision_workspaceId_archivedAt_updatedAt_idx" ON "Decision"("workspaceId", "archivedAt", "updatedAt");
CREATE INDEX "Decision_workspaceId_archivedAt_statusRank_updatedAt_idx" ON "Decision"("workspaceId", "archivedAt", "statusRank", "updatedAt" DESC);
CREATE INDEX "Decision_workspaceId_archivedAt_titleSearch_idx" ON "Decision"("workspaceId", "archivedAt", "titleSearch");
CREATE INDEX "Decision_workspaceId_teamId_updatedAt_idx" ON "Decision"("workspaceId", "teamId", "updatedAt");
CREATE TABLE "new_Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "aggregation" TEXT NOT NULL DEFAULT 'top2',
    "version" INTEGER NOT NULL DEFAULT 1,
    "inputsRevision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Team_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Team" ("aggregation", "createdAt", "description", "id", "name", "updatedAt", "version", "workspaceId") SELECT "aggregation", "createdAt", "description", "id", "name", "updatedAt", "version", "workspaceId" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
CREATE UNIQUE INDEX "Team_workspaceId_name_key" ON "Team"("workspaceId", "name");
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "viewerShareLinks" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "inputsRevision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("createdAt", "id", "isDemo", "name", "slug", "updatedAt", "version", "viewerShareLinks") SELECT "createdAt", "id", "isDemo", "name", "slug", "updatedAt", "version", "viewerShareLinks" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Revision counters kept by triggers (lib/db/input-revisions.ts, which generates what follows): every change of a
-- row a decision's reads are computed from bumps Decision, Team or Workspace .inputsRevision in the same transaction,
-- whatever wrote it. lib/db/input-revisions.test.ts checks every trigger on a migrated database.
-- SQLite and later migrations: Prisma redefines a table by CREATE new_T, DROP T, RENAME new_T TO T. The RENAME fails
-- ("error in trigger …: no such table") while a trigger names the dropped table, so such a migration starts with
-- PRAGMA legacy_alter_table=ON; and the DROP takes the table's own triggers with it, so it ends by creating them again
-- (the test fails until it does). See CONTRIBUTING.md, "Migrations".
-- Criterion → Decision.inputsRevision
CREATE TRIGGER "Criterion_inputs_ins" AFTER INSERT ON "Criterion" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Criterion_inputs_upd" AFTER UPDATE ON "Criterion" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."decisionId"; UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Criterion_inputs_del" AFTER DELETE ON "Criterion" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."decisionId"; END;

-- Candidate → Decision.inputsRevision
CREATE TRIGGER "Candidate_inputs_ins" AFTER INSERT ON "Candidate" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Candidate_inputs_upd" AFTER UPDATE ON "Candidate" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."decisionId"; UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Candidate_inputs_del" AFTER DELETE ON "Candidate" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."decisionId"; END;

-- PairwiseJudgment → Decision.inputsRevision
CREATE TRIGGER "PairwiseJudgment_inputs_ins" AFTER INSERT ON "PairwiseJudgment" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "PairwiseJudgment_inputs_upd" AFTER UPDATE ON "PairwiseJudgment" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."decisionId"; UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "PairwiseJudgment_inputs_del" AFTER DELETE ON "PairwiseJudgment" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."decisionId"; END;

-- Scenario → Decision.inputsRevision
CREATE TRIGGER "Scenario_inputs_ins" AFTER INSERT ON "Scenario" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Scenario_inputs_upd" AFTER UPDATE ON "Scenario" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."decisionId"; UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Scenario_inputs_del" AFTER DELETE ON "Scenario" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."decisionId"; END;

-- Score → Decision.inputsRevision
CREATE TRIGGER "Score_inputs_ins" AFTER INSERT ON "Score" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Criterion" WHERE "id" = NEW."criterionId"); END;
CREATE TRIGGER "Score_inputs_upd" AFTER UPDATE ON "Score" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Criterion" WHERE "id" = OLD."criterionId"); UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Criterion" WHERE "id" = NEW."criterionId"); END;
CREATE TRIGGER "Score_inputs_del" AFTER DELETE ON "Score" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Criterion" WHERE "id" = OLD."criterionId"); END;

-- Fact → Decision.inputsRevision
CREATE TRIGGER "Fact_inputs_ins" AFTER INSERT ON "Fact" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Criterion" WHERE "id" = NEW."criterionId"); END;
CREATE TRIGGER "Fact_inputs_upd" AFTER UPDATE ON "Fact" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Criterion" WHERE "id" = OLD."criterionId"); UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Criterion" WHERE "id" = NEW."criterionId"); END;
CREATE TRIGGER "Fact_inputs_del" AFTER DELETE ON "Fact" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Criterion" WHERE "id" = OLD."criterionId"); END;

-- SkillRequirement → Decision.inputsRevision
CREATE TRIGGER "SkillRequirement_inputs_ins" AFTER INSERT ON "SkillRequirement" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Candidate" WHERE "id" = NEW."candidateId"); END;
CREATE TRIGGER "SkillRequirement_inputs_upd" AFTER UPDATE ON "SkillRequirement" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Candidate" WHERE "id" = OLD."candidateId"); UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Candidate" WHERE "id" = NEW."candidateId"); END;
CREATE TRIGGER "SkillRequirement_inputs_del" AFTER DELETE ON "SkillRequirement" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "decisionId" FROM "Candidate" WHERE "id" = OLD."candidateId"); END;

-- TeamMember → Team.inputsRevision
CREATE TRIGGER "TeamMember_inputs_ins" AFTER INSERT ON "TeamMember" BEGIN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."teamId"; END;
CREATE TRIGGER "TeamMember_inputs_upd" AFTER UPDATE ON "TeamMember" BEGIN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."teamId"; UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."teamId"; END;
CREATE TRIGGER "TeamMember_inputs_del" AFTER DELETE ON "TeamMember" BEGIN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."teamId"; END;

-- TeamSkillOverride → Team.inputsRevision
CREATE TRIGGER "TeamSkillOverride_inputs_ins" AFTER INSERT ON "TeamSkillOverride" BEGIN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."teamId"; END;
CREATE TRIGGER "TeamSkillOverride_inputs_upd" AFTER UPDATE ON "TeamSkillOverride" BEGIN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."teamId"; UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."teamId"; END;
CREATE TRIGGER "TeamSkillOverride_inputs_del" AFTER DELETE ON "TeamSkillOverride" BEGIN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."teamId"; END;

-- SkillRating → Team.inputsRevision
CREATE TRIGGER "SkillRating_inputs_ins" AFTER INSERT ON "SkillRating" BEGIN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "teamId" FROM "TeamMember" WHERE "id" = NEW."memberId"); END;
CREATE TRIGGER "SkillRating_inputs_upd" AFTER UPDATE ON "SkillRating" BEGIN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "teamId" FROM "TeamMember" WHERE "id" = OLD."memberId"); UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "teamId" FROM "TeamMember" WHERE "id" = NEW."memberId"); END;
CREATE TRIGGER "SkillRating_inputs_del" AFTER DELETE ON "SkillRating" BEGIN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = (SELECT "teamId" FROM "TeamMember" WHERE "id" = OLD."memberId"); END;

-- Skill → Workspace.inputsRevision
CREATE TRIGGER "Skill_inputs_ins" AFTER INSERT ON "Skill" BEGIN UPDATE "Workspace" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."workspaceId"; END;
CREATE TRIGGER "Skill_inputs_upd" AFTER UPDATE ON "Skill" BEGIN UPDATE "Workspace" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."workspaceId"; UPDATE "Workspace" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."workspaceId"; END;
CREATE TRIGGER "Skill_inputs_del" AFTER DELETE ON "Skill" BEGIN UPDATE "Workspace" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."workspaceId"; END;

-- User → Workspace.inputsRevision
CREATE TRIGGER "User_inputs_upd" AFTER UPDATE OF "name", "email" ON "User" WHEN OLD."name" IS NOT NEW."name" OR OLD."email" IS NOT NEW."email" BEGIN UPDATE "Workspace" SET "inputsRevision" = "inputsRevision" + 1; END;
CREATE TRIGGER "User_inputs_del" AFTER DELETE ON "User" BEGIN UPDATE "Workspace" SET "inputsRevision" = "inputsRevision" + 1; END;
