-- AlterTable
-- Written as ADD COLUMN (SQLite allows a nullable column with a REFERENCES clause) rather than the table rebuild Prisma
-- generates, which the WebAssembly schema engine cannot apply and which would drop the input-revision triggers on
-- "Criterion"; the drift test proves the result matches the schema.
ALTER TABLE "Criterion" ADD COLUMN "parentId" TEXT REFERENCES "Criterion" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
