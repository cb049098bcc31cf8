-- DropIndex
DROP INDEX "Recording_legalHold_idx";

-- CreateIndex
CREATE INDEX "Recording_legalHold_startTime_idx" ON "Recording"("legalHold", "startTime" DESC);

-- CreateIndex
CREATE INDEX "Recording_durationSeconds_id_idx" ON "Recording"("durationSeconds" DESC, "id");
