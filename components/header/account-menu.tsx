import Link from "next/link";
import "@/components/auth/auth.css";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/auth";
import type { AccountMenuData } from "@/lib/server/account-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

/** Header part for the signed-in user: admin links, workspace switcher, name (→ account) and sign-out. */
export async function AccountMenu({ account }: { account: AccountMenuData | null }) {
  const t = await getTranslations("auth.header");
  if (!account) {
    return <Link href="/sign-in">{t("signIn")}</Link>;
  }
  const { activeWorkspaceId, workspaces } = account;
  return (
    <>
      {account.canManageWorkspace && (
        <nav aria-label={t("workspace")} className="admin-links">
          <Link href="/settings/members">{t("members")}</Link>
          <Link href="/settings/audit">{t("audit")}</Link>
        </nav>
      )}
      {activeWorkspaceId && workspaces.length > 0 && <Link href="/settings/tokens">{t("apiTokens")}</Link>}
      {activeWorkspaceId && workspaces.length > 0 && (
        // Keyed by the active workspace so the select re-mounts with the new selection after a switch or join.
        <WorkspaceSwitcher key={activeWorkspaceId} workspaces={workspaces} activeId={activeWorkspaceId} />
      )}
      <Link href="/account" className="user-name" aria-label={t("signedInAs", { name: account.userName })}>
        {account.userName}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="button-link">
          {(await getTranslations("auth.signOut"))("submit")}
        </button>
      </form>
    </>
  );
}
