-- AlterTable
ALTER TABLE "Seminar" ADD COLUMN     "archivedAt" TIMESTAMP(3);

