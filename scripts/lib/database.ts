// Brings a SQLite database up to date: applies committed migrations, then seeds the demo workspace if it is empty.
import fs from "node:fs";
import path from "node:path";
import { BIN, baseEnv, quiet, run } from "./run";

export async function prepareDatabase(databaseUrl: string, opts: { log?: (msg: string) => void } = {}): Promise<void> {
  const file = databaseUrl.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const env = baseEnv({ DATABASE_URL: databaseUrl });
  // Prisma's CLI is chatty (and warns that the schema url is unused with a driver adapter); show it only on failure.
  await quiet(BIN("prisma"), ["migrate", "deploy"], { env });
  opts.log?.("Database migrated.");
  const code = await run(BIN("tsx"), ["prisma/seed.ts"], { env, stdio: ["ignore", "inherit", "inherit"] });
  if (code !== 0) throw new Error(`Seeding failed (exit ${code})`);
}
