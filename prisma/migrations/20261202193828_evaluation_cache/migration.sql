-- CreateTable
CREATE TABLE "EvaluationCache" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvaluationCache_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EvaluationCache_decisionId_kind_createdAt_idx" ON "EvaluationCache"("decisionId", "kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationCache_decisionId_kind_key_key" ON "EvaluationCache"("decisionId", "kind", "key");
