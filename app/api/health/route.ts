import { NextResponse } from "next/server";

// Liveness: the process answers HTTP. Deliberately touches nothing else, so a slow database never makes a process
// manager restart healthy instances; readiness (database, migrations) is /api/ready.
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
export const dynamic = "force-dynamic";
