-- CreateTable
CREATE TABLE "AuditFreeText" (
    "journalId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "original" TEXT NOT NULL,
    "salt" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditFreeText_pkey" PRIMARY KEY ("journalId","field")
);
