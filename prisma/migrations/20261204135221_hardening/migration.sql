-- AlterTable
ALTER TABLE "PolicySettings" ADD COLUMN     "excludeReplayVotes" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "profileChangeDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "requireVerifiedEmail" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "signInFailuresPerHourPerIp" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "signInFailuresPerHourPerUser" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "signupsPerHourPerIp" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "ageBandChangedAt" TIMESTAMP(3),
ADD COLUMN     "countryChangedAt" TIMESTAMP(3),
ADD COLUMN     "educationChangedAt" TIMESTAMP(3),
ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "languageChangedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "replay" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "voterUnverified" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailVerification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "EmailVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "EmailVerification_userId_idx" ON "EmailVerification"("userId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailVerification" ADD CONSTRAINT "EmailVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: votes in battles that showed a replay answer, and votes of contributors who have not
-- verified an email (none have yet).
UPDATE "Vote" v SET "replay" = true
FROM "Battle" b JOIN "Model" ma ON ma.id = b."modelAId" JOIN "Model" mb ON mb.id = b."modelBId"
WHERE v."battleId" = b.id AND (ma.provider = 'replay' OR mb.provider = 'replay');
UPDATE "Vote" SET "voterUnverified" = true WHERE "voterId" IS NOT NULL;
