-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CONTRIBUTOR', 'CUSTOMER', 'ADMIN');

-- CreateEnum
CREATE TYPE "ModelStatus" AS ENUM ('ACTIVE', 'PAUSED', 'DEPRECATED');

-- CreateEnum
CREATE TYPE "BattleState" AS ENUM ('OPEN', 'VOTED', 'VOID');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('A', 'B', 'TIE', 'BOTH_BAD');

-- CreateEnum
CREATE TYPE "VoteSource" AS ENUM ('ARENA', 'IMPORT', 'DEMO');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'CONTRIBUTOR',
    "country" VARCHAR(2),
    "ageBand" VARCHAR(8),
    "education" VARCHAR(16),
    "language" VARCHAR(2),
    "profileCompletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OAuthAccount" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,

    CONSTRAINT "OAuthAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Model" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "organization" TEXT NOT NULL,
    "license" TEXT NOT NULL,
    "status" "ModelStatus" NOT NULL DEFAULT 'ACTIVE',
    "provider" TEXT NOT NULL DEFAULT 'replay',
    "providerConfig" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prompt" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Prompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Battle" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "modelAId" TEXT NOT NULL,
    "modelBId" TEXT NOT NULL,
    "responseA" TEXT NOT NULL,
    "responseB" TEXT NOT NULL,
    "state" "BattleState" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Battle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "seq" BIGSERIAL NOT NULL,
    "battleId" TEXT,
    "voterId" TEXT,
    "voterKey" TEXT NOT NULL,
    "modelAId" TEXT NOT NULL,
    "modelBId" TEXT NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "source" "VoteSource" NOT NULL,
    "importKey" TEXT,
    "country" VARCHAR(2),
    "region" VARCHAR(16),
    "ageBand" VARCHAR(8),
    "education" VARCHAR(16),
    "language" VARCHAR(2),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "PolicySettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "holdoutDays" INTEGER NOT NULL DEFAULT 60,
    "minSliceVoters" INTEGER NOT NULL DEFAULT 20,
    "minModelVotes" INTEGER NOT NULL DEFAULT 30,
    "bootstrapRounds" INTEGER NOT NULL DEFAULT 100,
    "bootstrapSeed" INTEGER NOT NULL DEFAULT 42,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "PolicySettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaderboardSnapshot" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trigger" TEXT NOT NULL,
    "createdById" TEXT,
    "dataCutoff" TIMESTAMP(3) NOT NULL,
    "method" JSONB NOT NULL,
    "codeVersion" TEXT NOT NULL,

    CONSTRAINT "LeaderboardSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SnapshotSlice" (
    "id" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "sliceKey" TEXT NOT NULL,
    "votes" INTEGER NOT NULL,
    "voters" INTEGER NOT NULL,
    "rows" JSONB NOT NULL,

    CONSTRAINT "SnapshotSlice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteGeneration" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "VoteGeneration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "OAuthAccount_userId_idx" ON "OAuthAccount"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "OAuthAccount_provider_providerAccountId_key" ON "OAuthAccount"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Model_name_key" ON "Model"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Prompt_source_externalId_key" ON "Prompt"("source", "externalId");

-- CreateIndex
CREATE INDEX "Battle_createdById_state_idx" ON "Battle"("createdById", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_battleId_key" ON "Vote"("battleId");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_importKey_key" ON "Vote"("importKey");

-- CreateIndex
CREATE INDEX "Vote_createdAt_idx" ON "Vote"("createdAt");

-- CreateIndex
CREATE INDEX "Vote_voterId_idx" ON "Vote"("voterId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_createdAt_idx" ON "AuditLog"("entity", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "LeaderboardSnapshot_createdAt_idx" ON "LeaderboardSnapshot"("createdAt");

-- CreateIndex
CREATE INDEX "SnapshotSlice_sliceKey_idx" ON "SnapshotSlice"("sliceKey");

-- CreateIndex
CREATE UNIQUE INDEX "SnapshotSlice_snapshotId_sliceKey_key" ON "SnapshotSlice"("snapshotId", "sliceKey");

-- AddForeignKey
ALTER TABLE "OAuthAccount" ADD CONSTRAINT "OAuthAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Battle" ADD CONSTRAINT "Battle_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Battle" ADD CONSTRAINT "Battle_modelAId_fkey" FOREIGN KEY ("modelAId") REFERENCES "Model"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Battle" ADD CONSTRAINT "Battle_modelBId_fkey" FOREIGN KEY ("modelBId") REFERENCES "Model"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Battle" ADD CONSTRAINT "Battle_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_battleId_fkey" FOREIGN KEY ("battleId") REFERENCES "Battle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SnapshotSlice" ADD CONSTRAINT "SnapshotSlice_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "LeaderboardSnapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Published snapshots and the audit log are append-only: no retraction, no rewriting history.
CREATE FUNCTION showdown_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "LeaderboardSnapshot_append_only" BEFORE UPDATE OR DELETE ON "LeaderboardSnapshot"
  FOR EACH ROW EXECUTE FUNCTION showdown_refuse_change();
CREATE TRIGGER "LeaderboardSnapshot_no_truncate" BEFORE TRUNCATE ON "LeaderboardSnapshot"
  FOR EACH STATEMENT EXECUTE FUNCTION showdown_refuse_change();
CREATE TRIGGER "SnapshotSlice_append_only" BEFORE UPDATE OR DELETE ON "SnapshotSlice"
  FOR EACH ROW EXECUTE FUNCTION showdown_refuse_change();
CREATE TRIGGER "SnapshotSlice_no_truncate" BEFORE TRUNCATE ON "SnapshotSlice"
  FOR EACH STATEMENT EXECUTE FUNCTION showdown_refuse_change();
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION showdown_refuse_change();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION showdown_refuse_change();

-- In-memory slice indexes pick up new votes by seq; any UPDATE, DELETE or TRUNCATE of votes
-- (demo removal, exclusions) bumps this generation so that every replica rebuilds its index.
INSERT INTO "VoteGeneration" ("id", "generation") VALUES (1, 0);

CREATE FUNCTION showdown_bump_vote_generation() RETURNS trigger AS $$
BEGIN
  UPDATE "VoteGeneration" SET "generation" = "generation" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Vote_generation" AFTER UPDATE OR DELETE OR TRUNCATE ON "Vote"
  FOR EACH STATEMENT EXECUTE FUNCTION showdown_bump_vote_generation();
