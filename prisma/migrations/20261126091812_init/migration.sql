-- CreateEnum
CREATE TYPE "VendorSource" AS ENUM ('genesys-cloud', 'nice-cxone');

-- CreateEnum
CREATE TYPE "RecordingStatus" AS ENUM ('PENDING', 'ARCHIVED', 'QUARANTINED', 'FAILED');

-- CreateEnum
CREATE TYPE "CallDirection" AS ENUM ('INBOUND', 'OUTBOUND', 'INTERNAL');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('AGENT', 'CUSTOMER', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OFFICER', 'REVIEWER', 'AUDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "QuarantineReason" AS ENUM ('TRUNCATION_DETECTED', 'INVALID_METADATA', 'RESIDENCY_VIOLATION', 'CHECKSUM_MISMATCH', 'INVALID_MEDIA');

-- CreateEnum
CREATE TYPE "QuarantineState" AS ENUM ('OPEN', 'ACCEPTED', 'REFETCH_REQUESTED', 'ESCALATED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "IngestSource" AS ENUM ('WEBHOOK', 'POLL', 'SWEEP', 'REFETCH', 'REPLAY');

-- CreateEnum
CREATE TYPE "AttemptOutcome" AS ENUM ('STARTED', 'SUCCEEDED', 'QUARANTINED', 'FAILED', 'DUPLICATE');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "oidcSubject" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorAccount" (
    "id" TEXT NOT NULL,
    "vendorSource" "VendorSource" NOT NULL,
    "name" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    "residencyRegion" TEXT NOT NULL,
    "apiBaseUrl" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VendorAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollCursor" (
    "vendorAccountId" TEXT NOT NULL,
    "cursor" TEXT,
    "updatedSince" TIMESTAMPTZ(3),
    "lastPolledAt" TIMESTAMPTZ(3),
    "lastSuccessAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "listedCount" INTEGER NOT NULL DEFAULT 0,
    "enqueuedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PollCursor_pkey" PRIMARY KEY ("vendorAccountId")
);

-- CreateTable
CREATE TABLE "RetentionPolicy" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "retentionDays" INTEGER NOT NULL,
    "activeDays" INTEGER NOT NULL,
    "matchTags" TEXT[],
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetentionPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recording" (
    "id" UUID NOT NULL,
    "archiveId" TEXT NOT NULL,
    "vendorSource" "VendorSource" NOT NULL,
    "vendorRecordingId" TEXT NOT NULL,
    "vendorAccountId" TEXT,
    "interactionId" TEXT,
    "startTime" TIMESTAMPTZ(3),
    "endTime" TIMESTAMPTZ(3),
    "durationSeconds" DECIMAL(12,3),
    "measuredDurationSeconds" DECIMAL(12,3),
    "direction" "CallDirection",
    "complianceTags" TEXT[],
    "dataResidencyRegion" TEXT,
    "storageBucket" TEXT,
    "storageKey" TEXT,
    "storageVersionId" TEXT,
    "storageLocation" TEXT,
    "checksumSha256" TEXT,
    "sizeBytes" BIGINT,
    "mediaFormat" TEXT,
    "retentionPolicyId" TEXT,
    "retainUntil" TIMESTAMPTZ(3),
    "legalHold" BOOLEAN NOT NULL DEFAULT false,
    "status" "RecordingStatus" NOT NULL DEFAULT 'PENDING',
    "rawVendorPayloadVersion" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "ingestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" UUID NOT NULL,
    "recordingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "role" "ParticipantRole" NOT NULL,
    "identifier" TEXT,
    "displayName" TEXT,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RawVendorPayload" (
    "id" UUID NOT NULL,
    "recordingId" UUID,
    "vendorSource" "VendorSource" NOT NULL,
    "vendorRecordingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "schemaVersion" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RawVendorPayload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestEvent" (
    "id" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "vendorSource" "VendorSource" NOT NULL,
    "vendorRecordingId" TEXT NOT NULL,
    "vendorAccountId" TEXT,
    "source" "IngestSource" NOT NULL,
    "eventType" TEXT NOT NULL,
    "vendorEventId" TEXT,
    "interactionDate" TEXT,
    "duplicate" BOOLEAN NOT NULL DEFAULT false,
    "jobId" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestAttempt" (
    "id" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "recordingId" UUID,
    "jobId" TEXT,
    "attemptNumber" INTEGER NOT NULL,
    "outcome" "AttemptOutcome" NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IngestAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuarantineCase" (
    "id" UUID NOT NULL,
    "recordingId" UUID NOT NULL,
    "reason" "QuarantineReason" NOT NULL,
    "tags" TEXT[],
    "evidence" JSONB NOT NULL,
    "state" "QuarantineState" NOT NULL DEFAULT 'OPEN',
    "resolutionNote" TEXT,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "QuarantineCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalHold" (
    "id" UUID NOT NULL,
    "recordingId" UUID NOT NULL,
    "caseReference" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "placedById" UUID NOT NULL,
    "placedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedById" UUID,
    "liftedAt" TIMESTAMPTZ(3),
    "liftReason" TEXT,

    CONSTRAINT "LegalHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadLetter" (
    "id" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "jobName" TEXT NOT NULL,
    "vendorSource" "VendorSource",
    "vendorRecordingId" TEXT,
    "payload" JSONB NOT NULL,
    "failedReason" TEXT NOT NULL,
    "attemptsMade" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replayedAt" TIMESTAMPTZ(3),
    "replayedBy" TEXT,

    CONSTRAINT "DeadLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "sequence" BIGINT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "prevHash" TEXT NOT NULL,
    "entryHash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "AuditSegment" (
    "id" UUID NOT NULL,
    "firstSequence" BIGINT NOT NULL,
    "lastSequence" BIGINT NOT NULL,
    "firstHash" TEXT NOT NULL,
    "lastHash" TEXT NOT NULL,
    "entryCount" INTEGER NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "versionId" TEXT,
    "sha256" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "sealedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSegment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditExport" (
    "id" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "scope" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "entryCount" INTEGER,
    "firstSequence" BIGINT,
    "lastSequence" BIGINT,
    "manifestSha256" TEXT,
    "filePath" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AuditExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");

-- CreateIndex
CREATE UNIQUE INDEX "RetentionPolicy_name_key" ON "RetentionPolicy"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Recording_archiveId_key" ON "Recording"("archiveId");

-- CreateIndex
CREATE INDEX "Recording_startTime_id_idx" ON "Recording"("startTime" DESC, "id");

-- CreateIndex
CREATE INDEX "Recording_status_startTime_idx" ON "Recording"("status", "startTime" DESC);

-- CreateIndex
CREATE INDEX "Recording_vendorSource_startTime_idx" ON "Recording"("vendorSource", "startTime" DESC);

-- CreateIndex
CREATE INDEX "Recording_dataResidencyRegion_startTime_idx" ON "Recording"("dataResidencyRegion", "startTime" DESC);

-- CreateIndex
CREATE INDEX "Recording_direction_startTime_idx" ON "Recording"("direction", "startTime" DESC);

-- CreateIndex
CREATE INDEX "Recording_legalHold_idx" ON "Recording"("legalHold");

-- CreateIndex
CREATE INDEX "Recording_interactionId_idx" ON "Recording"("interactionId");

-- CreateIndex
CREATE INDEX "Recording_complianceTags_idx" ON "Recording" USING GIN ("complianceTags");

-- CreateIndex
CREATE UNIQUE INDEX "Recording_vendorSource_vendorRecordingId_key" ON "Recording"("vendorSource", "vendorRecordingId");

-- CreateIndex
CREATE INDEX "Participant_identifier_idx" ON "Participant"("identifier");

-- CreateIndex
CREATE INDEX "Participant_displayName_idx" ON "Participant"("displayName");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_recordingId_position_key" ON "Participant"("recordingId", "position");

-- CreateIndex
CREATE INDEX "RawVendorPayload_vendorSource_vendorRecordingId_idx" ON "RawVendorPayload"("vendorSource", "vendorRecordingId");

-- CreateIndex
CREATE INDEX "IngestEvent_idempotencyKey_idx" ON "IngestEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "IngestEvent_receivedAt_idx" ON "IngestEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "IngestAttempt_idempotencyKey_idx" ON "IngestAttempt"("idempotencyKey");

-- CreateIndex
CREATE INDEX "IngestAttempt_recordingId_idx" ON "IngestAttempt"("recordingId");

-- CreateIndex
CREATE INDEX "QuarantineCase_state_createdAt_idx" ON "QuarantineCase"("state", "createdAt");

-- CreateIndex
CREATE INDEX "QuarantineCase_recordingId_idx" ON "QuarantineCase"("recordingId");

-- CreateIndex
CREATE INDEX "LegalHold_recordingId_active_idx" ON "LegalHold"("recordingId", "active");

-- CreateIndex
CREATE INDEX "DeadLetter_replayedAt_createdAt_idx" ON "DeadLetter"("replayedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_entryHash_key" ON "AuditEntry"("entryHash");

-- CreateIndex
CREATE INDEX "AuditEntry_subjectType_subjectId_idx" ON "AuditEntry"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEntry_occurredAt_idx" ON "AuditEntry"("occurredAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_idx" ON "AuditEntry"("action");

-- CreateIndex
CREATE UNIQUE INDEX "AuditSegment_firstSequence_key" ON "AuditSegment"("firstSequence");

-- CreateIndex
CREATE UNIQUE INDEX "AuditSegment_lastSequence_key" ON "AuditSegment"("lastSequence");

-- AddForeignKey
ALTER TABLE "PollCursor" ADD CONSTRAINT "PollCursor_vendorAccountId_fkey" FOREIGN KEY ("vendorAccountId") REFERENCES "VendorAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_vendorAccountId_fkey" FOREIGN KEY ("vendorAccountId") REFERENCES "VendorAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_retentionPolicyId_fkey" FOREIGN KEY ("retentionPolicyId") REFERENCES "RetentionPolicy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RawVendorPayload" ADD CONSTRAINT "RawVendorPayload_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestAttempt" ADD CONSTRAINT "IngestAttempt_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarantineCase" ADD CONSTRAINT "QuarantineCase_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarantineCase" ADD CONSTRAINT "QuarantineCase_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalHold" ADD CONSTRAINT "LegalHold_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalHold" ADD CONSTRAINT "LegalHold_placedById_fkey" FOREIGN KEY ("placedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalHold" ADD CONSTRAINT "LegalHold_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditExport" ADD CONSTRAINT "AuditExport_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
