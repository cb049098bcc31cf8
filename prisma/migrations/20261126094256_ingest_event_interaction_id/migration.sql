-- AlterTable
ALTER TABLE "IngestEvent" ADD COLUMN     "interactionId" TEXT;
