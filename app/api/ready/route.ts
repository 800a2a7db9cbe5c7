import { NextResponse } from "next/server";
import { readiness } from "@/lib/server/health";

// Readiness for load balancers: 200 when the database is reachable and fully migrated, else 503 with the reason.
export async function GET() {
  const r = await readiness();
  return NextResponse.json(r, { status: r.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
export const dynamic = "force-dynamic";
