-- CreateTable
CREATE TABLE "MatterRecording" (
    "matterId" UUID NOT NULL,
    "recordingId" UUID NOT NULL,
    "addedById" UUID NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatterRecording_pkey" PRIMARY KEY ("matterId","recordingId")
);

-- CreateTable
CREATE TABLE "EvidencePackage" (
    "id" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "matterId" UUID,
    "recordingIds" UUID[],
    "masked" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" TIMESTAMPTZ(3),
    "fileCount" INTEGER,
    "manifestSha256" TEXT,
    "bucket" TEXT,
    "objectKey" TEXT,
    "versionId" TEXT,
    "sha256" TEXT,
    "sizeBytes" BIGINT,
    "retainUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EvidencePackage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MatterRecording_recordingId_idx" ON "MatterRecording"("recordingId");

-- CreateIndex
CREATE INDEX "MatterRecording_matterId_addedAt_idx" ON "MatterRecording"("matterId", "addedAt" DESC);

-- CreateIndex
CREATE INDEX "EvidencePackage_status_createdAt_idx" ON "EvidencePackage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "EvidencePackage_matterId_createdAt_idx" ON "EvidencePackage"("matterId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "MatterRecording" ADD CONSTRAINT "MatterRecording_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatterRecording" ADD CONSTRAINT "MatterRecording_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatterRecording" ADD CONSTRAINT "MatterRecording_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidencePackage" ADD CONSTRAINT "EvidencePackage_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidencePackage" ADD CONSTRAINT "EvidencePackage_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE SET NULL ON UPDATE CASCADE;
