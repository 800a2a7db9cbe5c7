-- AlterTable
ALTER TABLE "Criterion" ADD COLUMN     "pairwise" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CandidateJudgment" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "candidateAId" TEXT NOT NULL,
    "candidateBId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CandidateJudgment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CandidateJudgment_decisionId_idx" ON "CandidateJudgment"("decisionId");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateJudgment_criterionId_evaluatorId_candidateAId_cand_key" ON "CandidateJudgment"("criterionId", "evaluatorId", "candidateAId", "candidateBId");

-- AddForeignKey
ALTER TABLE "CandidateJudgment" ADD CONSTRAINT "CandidateJudgment_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateJudgment" ADD CONSTRAINT "CandidateJudgment_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateJudgment" ADD CONSTRAINT "CandidateJudgment_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateJudgment" ADD CONSTRAINT "CandidateJudgment_candidateAId_fkey" FOREIGN KEY ("candidateAId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateJudgment" ADD CONSTRAINT "CandidateJudgment_candidateBId_fkey" FOREIGN KEY ("candidateBId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Input revisions: a judgment is an input of its decision's reads (lib/db/input-revisions.ts triggerSql).
-- CandidateJudgment → Decision.inputsRevision
CREATE FUNCTION "stackwise_inputs_CandidateJudgment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."decisionId" FROM new_rows r); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."decisionId" FROM old_rows r); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "CandidateJudgment_inputs_ins" AFTER INSERT ON "CandidateJudgment" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_CandidateJudgment"();
CREATE TRIGGER "CandidateJudgment_inputs_upd" AFTER UPDATE ON "CandidateJudgment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_CandidateJudgment"();
CREATE TRIGGER "CandidateJudgment_inputs_del" AFTER DELETE ON "CandidateJudgment" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_CandidateJudgment"();
