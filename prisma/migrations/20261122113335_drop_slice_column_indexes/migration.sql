-- DropIndex
DROP INDEX "Vote_ageBand_idx";

-- DropIndex
DROP INDEX "Vote_country_idx";

-- DropIndex
DROP INDEX "Vote_education_idx";

-- DropIndex
DROP INDEX "Vote_language_idx";

-- DropIndex
DROP INDEX "Vote_region_idx";
