import { NextResponse } from "next/server";
import { databaseReachable } from "@/lib/server/health";

// Liveness and database reachability for process managers and the e2e harness.
export async function GET() {
  const ok = await databaseReachable();
  return NextResponse.json({ ok }, { status: ok ? 200 : 503 });
}
