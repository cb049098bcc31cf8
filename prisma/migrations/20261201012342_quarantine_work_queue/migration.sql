-- CreateEnum
CREATE TYPE "RefetchStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- AlterEnum
ALTER TYPE "QuarantineState" ADD VALUE 'REFETCH_FAILED';

-- AlterTable
ALTER TABLE "QuarantineCase" ADD COLUMN     "assignedAt" TIMESTAMPTZ(3),
ADD COLUMN     "assignedToId" UUID,
ADD COLUMN     "refetchAt" TIMESTAMPTZ(3),
ADD COLUMN     "refetchError" TEXT,
ADD COLUMN     "refetchStatus" "RefetchStatus";

-- CreateIndex
CREATE INDEX "QuarantineCase_assignedToId_idx" ON "QuarantineCase"("assignedToId");

-- AddForeignKey
ALTER TABLE "QuarantineCase" ADD CONSTRAINT "QuarantineCase_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
