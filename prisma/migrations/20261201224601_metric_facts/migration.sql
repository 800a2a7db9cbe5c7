-- CreateTable
CREATE TABLE "Fact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "criterionId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "unit" TEXT,
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "measuredOn" DATETIME NOT NULL,
    "enteredById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Fact_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Fact_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Fact_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Fact_candidateId_idx" ON "Fact"("candidateId");

-- CreateIndex
CREATE INDEX "Fact_enteredById_idx" ON "Fact"("enteredById");

-- CreateIndex
CREATE UNIQUE INDEX "Fact_criterionId_candidateId_key" ON "Fact"("criterionId", "candidateId");

-- Data move: a METRIC cell was scored per evaluator, although a measurement is one shared fact. Each cell's fact is
-- the mean of the evaluators' values (what the engine showed until now, so no total moves); the first evaluator who
-- scored it counts as the one who entered it, their first http(s) evidence link becomes the source and the first
-- rationale the note. The measurement date is unknown, so the day the first value was entered stands in for it.
INSERT INTO "Fact" ("id", "criterionId", "candidateId", "value", "unit", "sourceUrl", "note", "measuredOn", "enteredById", "version", "createdAt", "updatedAt")
SELECT
    'c' || lower(hex(randomblob(12))),
    s."criterionId",
    s."candidateId",
    AVG(s."value"),
    NULLIF(TRIM(c."unit"), ''),
    COALESCE((
        SELECT e."evidenceUrl" FROM "Score" e
        WHERE e."criterionId" = s."criterionId" AND e."candidateId" = s."candidateId"
          AND (e."evidenceUrl" LIKE 'http://%' OR e."evidenceUrl" LIKE 'https://%')
        ORDER BY e."createdAt", e."id" LIMIT 1
    ), ''),
    COALESCE((
        SELECT r."rationale" FROM "Score" r
        WHERE r."criterionId" = s."criterionId" AND r."candidateId" = s."candidateId" AND TRIM(r."rationale") <> ''
        ORDER BY r."createdAt", r."id" LIMIT 1
    ), ''),
    substr(MIN(s."createdAt"), 1, 10) || 'T00:00:00.000+00:00',
    (
        SELECT f."evaluatorId" FROM "Score" f
        WHERE f."criterionId" = s."criterionId" AND f."candidateId" = s."candidateId"
        ORDER BY f."createdAt", f."id" LIMIT 1
    ),
    1,
    MIN(s."createdAt"),
    strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
FROM "Score" s
JOIN "Criterion" c ON c."id" = s."criterionId"
WHERE c."kind" = 'METRIC'
GROUP BY s."criterionId", s."candidateId";

-- Metric cells are facts now; their per-evaluator rows would otherwise still count as (hidden) opinions.
DELETE FROM "Score" WHERE "criterionId" IN (SELECT "id" FROM "Criterion" WHERE "kind" = 'METRIC');
