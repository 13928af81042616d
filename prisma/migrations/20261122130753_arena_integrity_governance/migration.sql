-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PRIVATE_TESTING', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "LicenseKind" AS ENUM ('PROPRIETARY', 'OPEN_WEIGHTS');

-- CreateEnum
CREATE TYPE "VoterReviewStatus" AS ENUM ('FLAGGED', 'EXCLUDED', 'CLEARED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "BattleState" ADD VALUE 'PENDING';
ALTER TYPE "BattleState" ADD VALUE 'GENERATING';

-- AlterTable
ALTER TABLE "Battle" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "featuresA" JSONB,
ADD COLUMN     "featuresB" JSONB,
ADD COLUMN     "generationStartedAt" TIMESTAMP(3),
ADD COLUMN     "leakTerms" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sampling" JSONB,
ADD COLUMN     "voidReason" TEXT,
ALTER COLUMN "responseA" SET DEFAULT '',
ALTER COLUMN "responseB" SET DEFAULT '';

-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "apiKeyCiphertext" TEXT,
ADD COLUMN     "deprecatedAt" TIMESTAMP(3),
ADD COLUMN     "deprecationReason" TEXT,
ADD COLUMN     "licenseKind" "LicenseKind" NOT NULL DEFAULT 'PROPRIETARY',
ADD COLUMN     "releaseDate" DATE,
ADD COLUMN     "samplingWeight" DOUBLE PRECISION NOT NULL DEFAULT 1,
ADD COLUMN     "testingEndedAt" TIMESTAMP(3),
ADD COLUMN     "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC';

-- AlterTable
ALTER TABLE "PolicySettings" ADD COLUMN     "battlesPerHourPerIp" INTEGER NOT NULL DEFAULT 600,
ADD COLUMN     "battlesPerHourPerUser" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "privateVariantCap" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "samplingMaxBoost" DOUBLE PRECISION NOT NULL DEFAULT 3,
ADD COLUMN     "samplingTargetVotes" INTEGER NOT NULL DEFAULT 300,
ADD COLUMN     "votesPerHourPerIp" INTEGER NOT NULL DEFAULT 600,
ADD COLUMN     "votesPerHourPerUser" INTEGER NOT NULL DEFAULT 60;

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "excluded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "identityLeak" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "VoterReview" (
    "userId" TEXT NOT NULL,
    "status" "VoterReviewStatus" NOT NULL DEFAULT 'FLAGGED',
    "score" DOUBLE PRECISION NOT NULL,
    "votesTested" INTEGER NOT NULL,
    "flaggedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VoterReview_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "RosterEvent" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modelId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB,

    CONSTRAINT "RosterEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestedVariantsReport" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "organization" TEXT NOT NULL,
    "triggerModelId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "dataCutoff" TIMESTAMP(3) NOT NULL,
    "rows" JSONB NOT NULL,

    CONSTRAINT "TestedVariantsReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VoterReview_status_idx" ON "VoterReview"("status");

-- CreateIndex
CREATE INDEX "RateLimitCounter_windowStart_idx" ON "RateLimitCounter"("windowStart");

-- CreateIndex
CREATE INDEX "RosterEvent_createdAt_idx" ON "RosterEvent"("createdAt");

-- CreateIndex
CREATE INDEX "RosterEvent_modelId_idx" ON "RosterEvent"("modelId");

-- CreateIndex
CREATE INDEX "TestedVariantsReport_organization_createdAt_idx" ON "TestedVariantsReport"("organization", "createdAt");

-- CreateIndex
CREATE INDEX "TestedVariantsReport_createdAt_idx" ON "TestedVariantsReport"("createdAt");

-- AddForeignKey
ALTER TABLE "VoterReview" ADD CONSTRAINT "VoterReview_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Roster events and tested-variant reports are public records: append-only, like snapshots.
CREATE TRIGGER "RosterEvent_append_only" BEFORE UPDATE OR DELETE ON "RosterEvent"
  FOR EACH ROW EXECUTE FUNCTION showdown_refuse_change();
CREATE TRIGGER "RosterEvent_no_truncate" BEFORE TRUNCATE ON "RosterEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION showdown_refuse_change();
CREATE TRIGGER "TestedVariantsReport_append_only" BEFORE UPDATE OR DELETE ON "TestedVariantsReport"
  FOR EACH ROW EXECUTE FUNCTION showdown_refuse_change();
CREATE TRIGGER "TestedVariantsReport_no_truncate" BEFORE TRUNCATE ON "TestedVariantsReport"
  FOR EACH STATEMENT EXECUTE FUNCTION showdown_refuse_change();

-- Existing models: any licence other than "proprietary" names open weights.
UPDATE "Model" SET "licenseKind" = 'OPEN_WEIGHTS' WHERE lower("license") <> 'proprietary';
