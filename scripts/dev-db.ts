// Starts only the embedded PostgreSQL (migrated) and prints its URL, for tools such as
// `node scripts/migrate.mjs create <name>` or psql. Usage: npm run db
import { bootDatabase } from "../lib/boot";

const database = await bootDatabase((m) => console.log(m));
console.log(`DATABASE_URL=${database.url}`);
const stop = async () => {
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
setInterval(() => {}, 1 << 30);
