-- CreateTable
CREATE TABLE "SearchLog" (
    "id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "query" TEXT NOT NULL,
    "lang" "Locale" NOT NULL,
    "resultCount" INTEGER NOT NULL,
    "categorySlug" TEXT,
    "provinceSlug" TEXT,
    "openedSlug" TEXT,

    CONSTRAINT "SearchLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchLog_day_resultCount_idx" ON "SearchLog"("day", "resultCount");

-- CreateIndex
CREATE INDEX "SearchLog_resultCount_day_idx" ON "SearchLog"("resultCount", "day");
