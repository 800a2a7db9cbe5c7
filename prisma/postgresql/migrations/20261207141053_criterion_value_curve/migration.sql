-- AlterTable
ALTER TABLE "Criterion" ADD COLUMN     "autoReferences" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "valueCurve" TEXT;
