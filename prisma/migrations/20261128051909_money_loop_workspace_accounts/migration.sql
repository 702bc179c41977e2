-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('COMMUNITY_ENTERPRISE', 'OTOP', 'TCPS', 'FDA', 'GI', 'ORGANIC', 'OTHER');

-- CreateEnum
CREATE TYPE "VerificationKind" AS ENUM ('APPLICATION', 'PAYOUT_DETAILS');

-- CreateEnum
CREATE TYPE "VerificationRequestStatus" AS ENUM ('OPEN', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "ShippingKind" AS ENUM ('PICKUP_CENTRE', 'PICKUP_MARKET', 'THAILAND_POST_EMS', 'THAILAND_POST_REGISTERED', 'COURIER_KERRY', 'COURIER_FLASH', 'COURIER_JT');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "VerificationStatus" ADD VALUE 'DRAFT';
ALTER TYPE "VerificationStatus" ADD VALUE 'RETURNED';

-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'EXPIRED';

-- AlterEnum
BEGIN;
CREATE TYPE "GroupOrderStatus_new" AS ENUM ('NEW', 'ACCEPTED', 'IN_PRODUCTION', 'PACKED', 'SHIPPED', 'READY_FOR_PICKUP', 'DELIVERED', 'CANCELLED');
ALTER TABLE "GroupOrder" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "GroupOrder" ALTER COLUMN "status" TYPE "GroupOrderStatus_new" USING ("status"::text::"GroupOrderStatus_new");
ALTER TYPE "GroupOrderStatus" RENAME TO "GroupOrderStatus_old";
ALTER TYPE "GroupOrderStatus_new" RENAME TO "GroupOrderStatus";
DROP TYPE "GroupOrderStatus_old";
ALTER TABLE "GroupOrder" ALTER COLUMN "status" SET DEFAULT 'NEW';
COMMIT;

-- AlterEnum
ALTER TYPE "PaymentMethod" ADD VALUE 'MOBILE_BANKING';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PaymentStatus" ADD VALUE 'AWAITING_CONFIRMATION';
ALTER TYPE "PaymentStatus" ADD VALUE 'EXPIRED';
ALTER TYPE "PaymentStatus" ADD VALUE 'PARTIALLY_REFUNDED';

-- AlterEnum
ALTER TYPE "PayoutStatus" ADD VALUE 'PROCESSING';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PayoutMethod" ADD VALUE 'OMISE_TRANSFER';
ALTER TYPE "PayoutMethod" ADD VALUE 'STRIPE_TRANSFER';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "OccupationGroup" ADD COLUMN     "communitySageEn" TEXT,
ADD COLUMN     "facebookPage" TEXT,
ADD COLUMN     "lineChatId" TEXT,
ADD COLUMN     "lineId" TEXT,
ADD COLUMN     "omiseRecipientId" TEXT,
ADD COLUMN     "payoutVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "stripeAccountId" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedReason" TEXT;

-- AlterTable
ALTER TABLE "CommitteeMember" ADD COLUMN     "nameEn" TEXT;

-- AlterTable
ALTER TABLE "GroupMembership" ADD COLUMN     "committeeRole" "CommitteeRole";

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "capacityPerWeek" INTEGER,
ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "hiddenReason" TEXT,
ADD COLUMN     "unitCostSatang" INTEGER;

-- AlterTable
ALTER TABLE "Collection" ADD COLUMN     "endsAt" TIMESTAMP(3),
ADD COLUMN     "startsAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CartItem" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "seenPriceSatang" INTEGER NOT NULL;

-- AlterTable
ALTER TABLE "Order" DROP COLUMN "amphoe",
DROP COLUMN "fulfilment",
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "checkoutKey" TEXT NOT NULL,
ADD COLUMN     "district" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "paymentProvider" "PaymentProvider" NOT NULL,
ADD COLUMN     "subdistrict" TEXT,
ALTER COLUMN "email" DROP NOT NULL;

-- AlterTable
ALTER TABLE "GroupOrder" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "carrier" TEXT,
ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "promisedBy" TIMESTAMP(3),
ADD COLUMN     "providerFeeSatang" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "receivedAt" TIMESTAMP(3),
ADD COLUMN     "shippedAt" TIMESTAMP(3),
ADD COLUMN     "shippingKind" "ShippingKind" NOT NULL,
ADD COLUMN     "shippingMethodId" TEXT,
ADD COLUMN     "shippingNameEn" TEXT NOT NULL,
ADD COLUMN     "shippingNameTh" TEXT NOT NULL,
ALTER COLUMN "status" SET DEFAULT 'NEW';

-- AlterTable
ALTER TABLE "OrderLine" DROP COLUMN "leadTimeDays",
DROP COLUMN "madeToOrder",
ADD COLUMN     "promisedBy" TIMESTAMP(3),
ADD COLUMN     "quantityFromStock" INTEGER NOT NULL,
ADD COLUMN     "quantityToMake" INTEGER NOT NULL,
ADD COLUMN     "unitEn" TEXT NOT NULL,
ADD COLUMN     "unitTh" TEXT NOT NULL,
ADD COLUMN     "weightGrams" INTEGER NOT NULL;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "confirmedById" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "groupOrderId" TEXT,
ADD COLUMN     "redirectUrl" TEXT,
ADD COLUMN     "refundedSatang" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "slipReference" TEXT,
ADD COLUMN     "slipStorageKey" TEXT;

-- AlterTable
ALTER TABLE "Payout" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "feeSatang" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "idempotencyKey" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "LedgerTransaction" ADD COLUMN     "groupOrderId" TEXT,
ADD COLUMN     "key" TEXT,
ADD COLUMN     "refundId" TEXT;

-- DropEnum
DROP TYPE "FulfilmentMethod";

-- CreateTable
CREATE TABLE "Address" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "line" TEXT NOT NULL,
    "subdistrict" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Address_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "role" "GroupRole" NOT NULL,
    "committeeRole" "CommitteeRole",
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" TEXT,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupDocument" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationRequest" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "kind" "VerificationKind" NOT NULL,
    "status" "VerificationRequestStatus" NOT NULL DEFAULT 'OPEN',
    "reasons" TEXT,
    "answer" TEXT,
    "reviewerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "VerificationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CapacityBooking" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "CapacityBooking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippingMethod" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "kind" "ShippingKind" NOT NULL,
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "feeSatang" INTEGER NOT NULL,
    "perExtraKgSatang" INTEGER NOT NULL DEFAULT 0,
    "freeOverSatang" INTEGER,
    "scheduleTh" TEXT,
    "scheduleEn" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingMethod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CartShipping" (
    "cartId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "shippingMethodId" TEXT NOT NULL,

    CONSTRAINT "CartShipping_pkey" PRIMARY KEY ("cartId","groupId")
);

-- CreateTable
CREATE TABLE "OrderNumberCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "OrderNumberCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "GroupOrderEvent" (
    "id" TEXT NOT NULL,
    "groupOrderId" TEXT NOT NULL,
    "from" "GroupOrderStatus",
    "to" "GroupOrderStatus" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupOrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "groupOrderId" TEXT,
    "amountSatang" INTEGER NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT NOT NULL,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "sentById" TEXT,
    "providerRef" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Address_userId_idx" ON "Address"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_groupId_createdAt_idx" ON "Invitation"("groupId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "GroupDocument_storageKey_key" ON "GroupDocument"("storageKey");

-- CreateIndex
CREATE INDEX "GroupDocument_groupId_idx" ON "GroupDocument"("groupId");

-- CreateIndex
CREATE INDEX "VerificationRequest_status_createdAt_idx" ON "VerificationRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "VerificationRequest_groupId_createdAt_idx" ON "VerificationRequest"("groupId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "CapacityBooking_productId_weekStart_idx" ON "CapacityBooking"("productId", "weekStart");

-- CreateIndex
CREATE INDEX "CapacityBooking_orderLineId_idx" ON "CapacityBooking"("orderLineId");

-- CreateIndex
CREATE INDEX "ShippingMethod_groupId_position_idx" ON "ShippingMethod"("groupId", "position");

-- CreateIndex
CREATE INDEX "GroupOrderEvent_groupOrderId_createdAt_idx" ON "GroupOrderEvent"("groupOrderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_idempotencyKey_key" ON "Refund"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");

-- CreateIndex
CREATE INDEX "Refund_groupOrderId_idx" ON "Refund"("groupOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "OccupationGroup_omiseRecipientId_key" ON "OccupationGroup"("omiseRecipientId");

-- CreateIndex
CREATE UNIQUE INDEX "OccupationGroup_stripeAccountId_key" ON "OccupationGroup"("stripeAccountId");

-- CreateIndex
CREATE INDEX "OccupationGroup_verificationStatus_submittedAt_idx" ON "OccupationGroup"("verificationStatus", "submittedAt");

-- CreateIndex
CREATE INDEX "Cart_updatedAt_idx" ON "Cart"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_checkoutKey_key" ON "Order"("checkoutKey");

-- CreateIndex
CREATE INDEX "Order_status_expiresAt_idx" ON "Order"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "GroupOrder_groupId_createdAt_idx" ON "GroupOrder"("groupId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "OrderLine_groupOrderId_idx" ON "OrderLine"("groupOrderId");

-- CreateIndex
CREATE INDEX "OrderLine_productId_idx" ON "OrderLine"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_slipReference_key" ON "Payment"("slipReference");

-- CreateIndex
CREATE INDEX "Payment_groupOrderId_idx" ON "Payment"("groupOrderId");

-- CreateIndex
CREATE INDEX "Payment_status_expiresAt_idx" ON "Payment"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_idempotencyKey_key" ON "Payout"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Payout_status_idx" ON "Payout"("status");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_key_key" ON "LedgerTransaction"("key");

-- CreateIndex
CREATE INDEX "LedgerTransaction_groupOrderId_idx" ON "LedgerTransaction"("groupOrderId");

-- AddForeignKey
ALTER TABLE "Address" ADD CONSTRAINT "Address_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "OccupationGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupDocument" ADD CONSTRAINT "GroupDocument_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "OccupationGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationRequest" ADD CONSTRAINT "VerificationRequest_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "OccupationGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapacityBooking" ADD CONSTRAINT "CapacityBooking_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapacityBooking" ADD CONSTRAINT "CapacityBooking_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippingMethod" ADD CONSTRAINT "ShippingMethod_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "OccupationGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartShipping" ADD CONSTRAINT "CartShipping_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartShipping" ADD CONSTRAINT "CartShipping_shippingMethodId_fkey" FOREIGN KEY ("shippingMethodId") REFERENCES "ShippingMethod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupOrderEvent" ADD CONSTRAINT "GroupOrderEvent_groupOrderId_fkey" FOREIGN KEY ("groupOrderId") REFERENCES "GroupOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_groupOrderId_fkey" FOREIGN KEY ("groupOrderId") REFERENCES "GroupOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_groupOrderId_fkey" FOREIGN KEY ("groupOrderId") REFERENCES "GroupOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;
