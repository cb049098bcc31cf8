-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" UUID NOT NULL,
    "treeSize" BIGINT NOT NULL,
    "rootHash" TEXT NOT NULL,
    "lastHash" TEXT,
    "frontier" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "versionId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditCheckpoint_treeSize_idx" ON "AuditCheckpoint"("treeSize");

-- CreateIndex
CREATE INDEX "AuditCheckpoint_createdAt_idx" ON "AuditCheckpoint"("createdAt");

-- Checkpoints are published evidence (each one is also an Object-Locked object): append-only like
-- "AuditEntry" and "AuditSegment".
CREATE TRIGGER "AuditCheckpoint_append_only"
  BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION "reject_modification"();

CREATE TRIGGER "AuditCheckpoint_no_truncate"
  BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_modification"();
