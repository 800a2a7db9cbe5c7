// `npm run db:prepare`: migrate the configured database and seed the demo workspace into an empty one — what
// `npm start` does first, for operators who run migrations as a separate deployment step. Safe to run from several
// instances at once on PostgreSQL (an advisory lock makes them take turns).
import { env } from "@/lib/env";
import { prepareDatabase } from "../lib/database";

await prepareDatabase(env().DATABASE_URL, { log: (m) => console.log(`[stackwise] ${m}`) });
