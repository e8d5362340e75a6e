-- DropForeignKey
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_annotationId_fkey";

-- DropForeignKey
ALTER TABLE "Reaction" DROP CONSTRAINT "Reaction_commentId_fkey";

-- DropIndex
DROP INDEX "Annotation_roomId_idx";

-- DropIndex
DROP INDEX "Comment_roomId_idx";

-- DropIndex
DROP INDEX "Comment_annotationId_idx";

-- AlterTable
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_pkey",
ADD COLUMN     "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD CONSTRAINT "Annotation_pkey" PRIMARY KEY ("roomId", "id");

-- AlterTable
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_pkey",
ADD COLUMN     "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD CONSTRAINT "Comment_pkey" PRIMARY KEY ("roomId", "id");

-- AlterTable: reactions take their comment's room (edited by hand: existing rows need the value first)
ALTER TABLE "Reaction" ADD COLUMN "roomId" TEXT;
UPDATE "Reaction" AS r SET "roomId" = c."roomId" FROM "Comment" AS c WHERE c."id" = r."commentId";
DELETE FROM "Reaction" WHERE "roomId" IS NULL;
ALTER TABLE "Reaction" DROP CONSTRAINT "Reaction_pkey",
ALTER COLUMN "roomId" SET NOT NULL,
ADD CONSTRAINT "Reaction_pkey" PRIMARY KEY ("roomId", "commentId", "userId");

-- CreateTable
CREATE TABLE "RoomClient" (
    "roomId" TEXT NOT NULL,
    "clientId" BIGINT NOT NULL,
    "userId" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoomClient_pkey" PRIMARY KEY ("roomId","clientId")
);

-- CreateTable
CREATE TABLE "WithheldComment" (
    "roomId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "withheldAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WithheldComment_pkey" PRIMARY KEY ("roomId","commentId")
);

-- CreateIndex
CREATE INDEX "Comment_roomId_annotationId_idx" ON "Comment"("roomId", "annotationId");

-- AddForeignKey
ALTER TABLE "RoomClient" ADD CONSTRAINT "RoomClient_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WithheldComment" ADD CONSTRAINT "WithheldComment_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_roomId_annotationId_fkey" FOREIGN KEY ("roomId", "annotationId") REFERENCES "Annotation"("roomId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_roomId_commentId_fkey" FOREIGN KEY ("roomId", "commentId") REFERENCES "Comment"("roomId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

