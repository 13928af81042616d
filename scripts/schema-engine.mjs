// Prisma's own schema engine, compiled to WASM (@prisma/schema-engine-wasm), driven through
// @prisma/adapter-pg: migrations are created, applied and drift-checked with no native binary,
// keeping Prisma's prisma/migrations layout and _prisma_migrations bookkeeping.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// adapter-pg cannot map PostgreSQL's internal "char" type (OID 18), which the schema engine's
// catalog queries return (e.g. pg_class.relkind). Report it as text (OID 25) in this process only.
const CHAR_MARK = "\u0000char";
for (const C of [pg.Client, pg.Pool]) {
  const orig = C.prototype.query;
  C.prototype.query = function (...args) {
    const r = orig.apply(this, args);
    if (r && typeof r.then === "function") {
      return r.then((res) => {
        for (const f of res?.fields ?? [])
          if (f.dataTypeID === 18) {
            f.dataTypeID = 25;
            f.name += CHAR_MARK;
          }
        return res;
      });
    }
    return r;
  };
}
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  set_message(m) {
    this.message = m;
    console.error("schema engine panic:", m);
  },
};
const wasmPath = path.join(
  path.dirname(fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"))),
  "schema_engine_bg.wasm",
);
const mod = new WebAssembly.Module(fs.readFileSync(wasmPath));
const inst = new WebAssembly.Instance(mod, { "./schema_engine_bg.js": bg });
bg.__wbg_set_wasm(inst.exports);
inst.exports.__wbindgen_start?.();

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");

export function schemas() {
  return { files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] };
}
export function migrationsList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : 'provider = "postgresql"\n',
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const f = path.join(migrationsDir, d, "migration.sql");
      return {
        path: d,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(f) ? { tag: "ok", value: fs.readFileSync(f, "utf8") } : { tag: "error", value: "missing" },
        },
      };
    }),
  };
}
export const filters = { externalTables: [], externalEnums: [] };

export async function engine(url = process.env.DATABASE_URL) {
  // Discrete fields, not connectionString: adapter-pg's connectToShadowDb() spreads the config and
  // overrides `database`, which pg ignores when a connectionString is present.
  const u = new URL(url);
  const raw = new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    idleTimeoutMillis: 100,
  });
  const patched = new WeakSet();
  const fix = (adapter) => {
    // adapter-pg's executeScript splits a migration on every ";", which breaks function bodies
    // ($$ … $$). PostgreSQL's simple query protocol runs a whole script, as Prisma's native engine does.
    adapter.executeScript = async function (script) {
      try {
        await this.client.query(script);
      } catch (error) {
        this.onError(error);
      }
    };
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)); // PgQueryable (shared by PgTransaction)
    if (!patched.has(proto)) {
      patched.add(proto);
      const q = proto.queryRaw;
      proto.queryRaw = async function (query) {
        const r = await q.call(this, query);
        r.columnNames.forEach((n, i) => {
          if (n.endsWith(CHAR_MARK)) {
            r.columnNames[i] = n.slice(0, -CHAR_MARK.length);
            r.columnTypes[i] = ColumnTypeEnum.Character;
          }
        });
        return r;
      };
    }
    return adapter;
  };
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: raw.provider,
    adapterName: raw.adapterName,
    connect: async () => fix(await raw.connect()),
    connectToShadowDb: async () => fix(await raw.connectToShadowDb()),
  });
  const s = schemas();
  return bg.SchemaEngine.new(
    { datamodels: s.files.map((f) => [f.path, f.content]) },
    (msg) => process.env.SE_DEBUG && console.error(msg),
    factory,
  );
}
export { bg };
