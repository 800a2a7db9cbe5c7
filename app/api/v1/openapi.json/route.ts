// The OpenAPI 3.1 document, generated from the same operation table the API dispatches over. Public: it describes,
// it does not grant.
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
