-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "journalId" UUID;

-- CreateTable
CREATE TABLE "AuditJournal" (
    "id" UUID NOT NULL,
    "position" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,

    CONSTRAINT "AuditJournal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditJournal_position_key" ON "AuditJournal"("position");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_journalId_key" ON "AuditEntry"("journalId");

-- Hand-written below (Prisma does not model triggers or functions, so they are not drift).
-- A journal row is evidence until it is chained: never changed, never truncated, and removed only
-- by the sequencer's move, i.e. once an "AuditEntry" row carrying its id exists (the insert and the
-- delete share one transaction, so a sequencer that dies mid-batch loses nothing).
CREATE FUNCTION "audit_journal_release_chained"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "AuditEntry" WHERE "journalId" = OLD."id") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditJournal rows leave only once chained'
    USING HINT = 'The audit sequencer deletes a journal row in the transaction that inserts its AuditEntry.';
END;
$$;

CREATE TRIGGER "AuditJournal_append_only"
  BEFORE UPDATE ON "AuditJournal"
  FOR EACH ROW EXECUTE FUNCTION "reject_modification"();

CREATE TRIGGER "AuditJournal_release_chained"
  BEFORE DELETE ON "AuditJournal"
  FOR EACH ROW EXECUTE FUNCTION "audit_journal_release_chained"();

CREATE TRIGGER "AuditJournal_no_truncate"
  BEFORE TRUNCATE ON "AuditJournal"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_modification"();
