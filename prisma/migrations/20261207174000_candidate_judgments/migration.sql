-- CreateTable
CREATE TABLE "CandidateJudgment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "candidateAId" TEXT NOT NULL,
    "candidateBId" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CandidateJudgment_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CandidateJudgment_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CandidateJudgment_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CandidateJudgment_candidateAId_fkey" FOREIGN KEY ("candidateAId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CandidateJudgment_candidateBId_fkey" FOREIGN KEY ("candidateBId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
-- Written as ADD COLUMN (SQLite allows NOT NULL with a constant default) rather than the table rebuild Prisma
-- generates, which the WebAssembly schema engine cannot apply; the drift test proves the result matches the schema.
ALTER TABLE "Criterion" ADD COLUMN "pairwise" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "CandidateJudgment_decisionId_idx" ON "CandidateJudgment"("decisionId");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateJudgment_criterionId_evaluatorId_candidateAId_candidateBId_key" ON "CandidateJudgment"("criterionId", "evaluatorId", "candidateAId", "candidateBId");

-- Input revisions: a judgment is an input of its decision's reads (lib/db/input-revisions.ts triggerSql).
-- CandidateJudgment → Decision.inputsRevision
CREATE TRIGGER "CandidateJudgment_inputs_ins" AFTER INSERT ON "CandidateJudgment" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "CandidateJudgment_inputs_upd" AFTER UPDATE ON "CandidateJudgment" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."decisionId"; UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "CandidateJudgment_inputs_del" AFTER DELETE ON "CandidateJudgment" BEGIN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" = OLD."decisionId"; END;
