-- AlterTable
ALTER TABLE "Criterion" ADD COLUMN "currency" TEXT;
