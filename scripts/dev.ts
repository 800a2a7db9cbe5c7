// `npm run dev`: the same database preparation as `npm start`, then Next's dev server.
import { env } from "@/lib/env";
import { prepareDatabase } from "./lib/database";
import { BIN, baseEnv, run } from "./lib/run";

const config = env();
await prepareDatabase(config.DATABASE_URL);
process.exit(
  await run(BIN("next"), ["dev", "-p", String(config.PORT)], { env: baseEnv({ DATABASE_URL: config.DATABASE_URL }) }),
);
