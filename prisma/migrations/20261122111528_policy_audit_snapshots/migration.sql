-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

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

-- CreateIndex
CREATE UNIQUE INDEX "Vote_seq_key" ON "Vote"("seq");

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
CREATE TRIGGER "SnapshotSlice_append_only" BEFORE UPDATE OR DELETE ON "SnapshotSlice"
  FOR EACH ROW EXECUTE FUNCTION showdown_refuse_change();
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION showdown_refuse_change();
