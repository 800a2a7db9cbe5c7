import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";

// Liveness and database reachability for process managers and the e2e harness. Reveals no workspace data.
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true });
  } catch {
    return NextResponse.json({ ok: false }, { status: 503 });
  }
}
