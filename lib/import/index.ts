export { importBattlesFile, parseBattleLine, type ImportProgress, type ImportResult, type ImportedVote } from "./import-battles";
