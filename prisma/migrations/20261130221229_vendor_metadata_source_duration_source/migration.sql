-- AlterTable
ALTER TABLE "RawVendorPayload" ADD COLUMN     "source" TEXT;

-- AlterTable
ALTER TABLE "Recording" ADD COLUMN     "durationSource" TEXT;
