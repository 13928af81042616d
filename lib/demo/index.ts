/**
 * The labelled demo data of `npm run demo`: simulated voters (population.ts), how they choose (preferences.ts, the
 * built-in audience and style effects), the simulation on the replay corpus (simulate.ts) and the bulk insert and
 * removal (seed.ts).
 */
export { DEMO_DAYS, DEMO_VOTERS, DEMO_VOTES, removeDemoVotes, seedDemoVotes, type DemoSeedResult } from "./seed";
export { AUDIENCE_EFFECTS, SHOWCASE_AUDIENCE, STYLE_EFFECTS } from "./preferences";
