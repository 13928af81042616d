-- CreateTable
CREATE TABLE "VoteGeneration" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "VoteGeneration_pkey" PRIMARY KEY ("id")
);

INSERT INTO "VoteGeneration" ("id", "generation") VALUES (1, 0);

-- Any UPDATE or DELETE of votes (demo removal, exclusions) invalidates in-memory slice indexes.
CREATE FUNCTION showdown_bump_vote_generation() RETURNS trigger AS $$
BEGIN
  UPDATE "VoteGeneration" SET "generation" = "generation" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Vote_generation" AFTER UPDATE OR DELETE OR TRUNCATE ON "Vote"
  FOR EACH STATEMENT EXECUTE FUNCTION showdown_bump_vote_generation();
