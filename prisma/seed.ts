// `npm run db:seed` / `prisma db seed`: seeds the demo workspace into an empty database. Every start runs it after
// migrating, so it also repairs derived columns SQL could not backfill exactly.
import { createPrismaClient } from "@/lib/db/create-client";
import { refreshDerivedColumns } from "@/lib/db/derived-columns";
import { env } from "@/lib/env";
import { seedIfEmpty } from "./seed/demo";

const db = createPrismaClient(env().DATABASE_URL);
try {
  const repaired = await refreshDerivedColumns(db);
  if (repaired > 0) console.log(`Recomputed the search title of ${repaired} decision(s).`);
  const seeded = await seedIfEmpty(db, { demo: env().STACKWISE_DEMO === "on" });
  console.log(seeded ? "Seeded the demo workspace." : "Database already has data (or demo is off): nothing seeded.");
} finally {
  await db.$disconnect();
}
