import Link from "next/link";
import "@/components/auth/auth.css";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/auth";
import { can } from "@/lib/server/authz";
import { currentActor, currentSession } from "@/lib/server/context";
import { listMyWorkspaces } from "@/lib/server/workspaces";
import { WorkspaceSwitcher } from "./workspace-switcher";

/** Header part for the signed-in user: admin links, workspace switcher, name (→ account) and sign-out. */
export async function AccountMenu() {
  const t = await getTranslations("auth.header");
  const session = await currentSession();
  if (!session) {
    return <Link href="/sign-in">{t("signIn")}</Link>;
  }
  const [actor, workspaces] = await Promise.all([currentActor(), listMyWorkspaces(session.userId)]);
  return (
    <>
      {actor && can(actor.role, "member.manage") && (
        <nav aria-label={t("workspace")} className="admin-links">
          <Link href="/settings/members">{t("members")}</Link>
          <Link href="/settings/audit">{t("audit")}</Link>
        </nav>
      )}
      {actor && workspaces.length > 0 && (
        // Keyed by the active workspace so the select re-mounts with the new selection after a switch or join.
        <WorkspaceSwitcher key={actor.workspaceId} workspaces={workspaces} activeId={actor.workspaceId} />
      )}
      <Link href="/account" className="user-name" aria-label={t("signedInAs", { name: session.user.name })}>
        {session.user.name}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="button-link">
          {(await getTranslations("auth.signOut"))("submit")}
        </button>
      </form>
    </>
  );
}
