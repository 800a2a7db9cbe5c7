-- AlterTable
ALTER TABLE "Criterion" ADD COLUMN     "parentId" TEXT;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Criterion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
