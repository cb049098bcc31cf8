-- CreateEnum
CREATE TYPE "IngestKind" AS ENUM ('RECORDING', 'INTERACTION');

-- AlterEnum
ALTER TYPE "RecordingStatus" ADD VALUE 'RETRYING';

-- AlterTable
ALTER TABLE "DeadLetter" ADD COLUMN     "autoRedrives" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "retryable" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "IngestEvent" ADD COLUMN     "kind" "IngestKind" NOT NULL DEFAULT 'RECORDING',
ADD COLUMN     "rawBody" BYTEA,
ADD COLUMN     "rawSha256" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMPTZ(3),
ALTER COLUMN "vendorRecordingId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "RawVendorPayload" ADD COLUMN     "rawBody" BYTEA;

-- AlterTable
ALTER TABLE "Recording" ADD COLUMN     "statusReason" TEXT;

-- CreateTable
CREATE TABLE "ExtraObjectVersion" (
    "id" UUID NOT NULL,
    "vendorSource" "VendorSource" NOT NULL,
    "vendorRecordingId" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sha256" TEXT,
    "sizeBytes" BIGINT,
    "reason" TEXT NOT NULL,
    "attemptId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtraObjectVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExtraObjectVersion_vendorSource_vendorRecordingId_idx" ON "ExtraObjectVersion"("vendorSource", "vendorRecordingId");

-- CreateIndex
CREATE UNIQUE INDEX "ExtraObjectVersion_bucket_key_versionId_key" ON "ExtraObjectVersion"("bucket", "key", "versionId");
