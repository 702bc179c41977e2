-- AlterEnum
ALTER TYPE "LedgerAccount" ADD VALUE 'GROUP_CASH';

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "groupOrderId" TEXT;

-- CreateIndex
CREATE INDEX "LedgerEntry_groupOrderId_idx" ON "LedgerEntry"("groupOrderId");
