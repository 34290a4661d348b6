-- AlterTable
ALTER TABLE "DrillTaskDraft" ADD COLUMN     "timeSpentMs" INTEGER NOT NULL DEFAULT 0;
