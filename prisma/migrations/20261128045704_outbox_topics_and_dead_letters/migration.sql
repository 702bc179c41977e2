-- AlterEnum
ALTER TYPE "OutboxTopic" ADD VALUE 'PAGE_CACHE';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "deadAt" TIMESTAMP(3),
ADD COLUMN     "dedupeKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_deadAt_idx" ON "OutboxMessage"("deadAt");
