-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "viewerShareLinks" BOOLEAN NOT NULL DEFAULT true;
