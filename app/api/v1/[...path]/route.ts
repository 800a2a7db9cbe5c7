// Every /api/v1 operation (lib/api/operations) behind one wrapper: token, scope, rate limit, zod, data layer.
import { handleApiRequest } from "@/lib/api/handle";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ path: string[] }> };
const handle = async (request: Request, ctx: Ctx) => handleApiRequest(request, (await ctx.params).path);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
