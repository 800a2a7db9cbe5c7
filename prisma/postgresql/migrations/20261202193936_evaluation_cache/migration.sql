-- CreateTable
CREATE TABLE "EvaluationCache" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationCache_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvaluationCache_decisionId_kind_createdAt_idx" ON "EvaluationCache"("decisionId", "kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationCache_decisionId_kind_key_key" ON "EvaluationCache"("decisionId", "kind", "key");

-- AddForeignKey
ALTER TABLE "EvaluationCache" ADD CONSTRAINT "EvaluationCache_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
