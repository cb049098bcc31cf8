-- CreateTable
CREATE TABLE "ReconciliationReport" (
    "id" UUID NOT NULL,
    "vendorAccountId" TEXT NOT NULL,
    "vendorSource" "VendorSource" NOT NULL,
    "day" TEXT NOT NULL,
    "listedCount" INTEGER NOT NULL,
    "matchedCount" INTEGER NOT NULL,
    "quarantinedCount" INTEGER NOT NULL,
    "missingCount" INTEGER NOT NULL,
    "redrivenCount" INTEGER NOT NULL,
    "pendingCount" INTEGER NOT NULL,
    "extraCount" INTEGER NOT NULL,
    "mismatchCount" INTEGER NOT NULL,
    "findings" JSONB NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "versionId" TEXT,
    "sha256" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReconciliationReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReconciliationReport_day_vendorAccountId_idx" ON "ReconciliationReport"("day" DESC, "vendorAccountId");

-- CreateIndex
CREATE INDEX "ReconciliationReport_vendorAccountId_day_idx" ON "ReconciliationReport"("vendorAccountId", "day" DESC);
