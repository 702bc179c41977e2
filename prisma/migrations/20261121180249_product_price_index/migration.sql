-- CreateIndex
CREATE INDEX "Product_status_priceSatang_id_idx" ON "Product"("status", "priceSatang", "id");
