import { inject } from "vitest";
import { setDatabaseUrl } from "../lib/env";

setDatabaseUrl(inject("databaseUrl"));
