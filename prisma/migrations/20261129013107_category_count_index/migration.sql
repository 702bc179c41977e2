-- CreateIndex
CREATE INDEX "Product_categoryId_status_id_hiddenAt_groupId_idx" ON "Product"("categoryId", "status", "id", "hiddenAt", "groupId");
