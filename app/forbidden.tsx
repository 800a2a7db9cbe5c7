// Rendered by forbidden() (next/navigation) with status 403: a member whose role does not allow the page still
// gets the friendly explanation, but the response no longer claims success.
import { Forbidden } from "@/components/auth/forbidden";
import { currentActor } from "@/lib/server/context";

export default async function ForbiddenPage() {
  const actor = await currentActor();
  return <Forbidden role={actor?.role ?? "VIEWER"} />;
}
