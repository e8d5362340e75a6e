-- CreateEnum
CREATE TYPE "ShownAs" AS ENUM ('stored', 'moved', 'review', 'placed', 'unanchored');

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "shownAs" "ShownAs" NOT NULL DEFAULT 'stored',
ADD COLUMN     "shownEnd" INTEGER,
ADD COLUMN     "shownParagraphId" TEXT,
ADD COLUMN     "shownStart" INTEGER;

-- CreateTable
CREATE TABLE "Placement" (
    "roomId" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "byId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("roomId","annotationId")
);

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_roomId_annotationId_fkey" FOREIGN KEY ("roomId", "annotationId") REFERENCES "Annotation"("roomId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
