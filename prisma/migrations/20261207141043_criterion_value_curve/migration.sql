-- AlterTable
-- Written as ADD COLUMN (SQLite allows NOT NULL with a constant default) rather than the table rebuild Prisma
-- generates, which the WebAssembly schema engine cannot apply; the drift test proves the result matches the schema.
ALTER TABLE "Criterion" ADD COLUMN "valueCurve" TEXT;
ALTER TABLE "Criterion" ADD COLUMN "autoReferences" BOOLEAN NOT NULL DEFAULT false;
