// `npm run db:seed` / `prisma db seed`: seeds the demo workspace into an empty database.
import { createPrismaClient } from "@/lib/db/create-client";
import { env } from "@/lib/env";
import { seedIfEmpty } from "./seed/demo";

const db = createPrismaClient(env().DATABASE_URL);
try {
  const seeded = await seedIfEmpty(db, { demo: env().STACKWISE_DEMO === "on" });
  console.log(seeded ? "Seeded the demo workspace." : "Database already has data (or demo is off): nothing seeded.");
} finally {
  await db.$disconnect();
}
