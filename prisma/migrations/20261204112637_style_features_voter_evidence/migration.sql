-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "boldA" INTEGER,
ADD COLUMN     "boldB" INTEGER,
ADD COLUMN     "headersA" INTEGER,
ADD COLUMN     "headersB" INTEGER,
ADD COLUMN     "listsA" INTEGER,
ADD COLUMN     "listsB" INTEGER,
ADD COLUMN     "tokensA" INTEGER,
ADD COLUMN     "tokensB" INTEGER;

-- CreateTable
CREATE TABLE "VoterEvidence" (
    "voterKey" TEXT NOT NULL,
    "logE" JSONB NOT NULL,
    "logMixture" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "logMax" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "votesTested" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VoterEvidence_pkey" PRIMARY KEY ("voterKey")
);
