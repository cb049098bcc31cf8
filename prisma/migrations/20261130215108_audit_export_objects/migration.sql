-- AlterTable
ALTER TABLE "AuditExport" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bucket" TEXT,
ADD COLUMN     "heartbeatAt" TIMESTAMPTZ(3),
ADD COLUMN     "objectKey" TEXT,
ADD COLUMN     "retainUntil" TIMESTAMPTZ(3),
ADD COLUMN     "sha256" TEXT,
ADD COLUMN     "sizeBytes" BIGINT,
ADD COLUMN     "versionId" TEXT;

-- CreateIndex
CREATE INDEX "AuditExport_status_createdAt_idx" ON "AuditExport"("status", "createdAt");
