import "server-only";
import { can } from "./authz";
import { currentActor, currentSession } from "./context";
import { listMyWorkspaces, type WorkspaceChoice } from "./workspaces";

/** What the header shows for a signed-in visitor, as plain data for components/header/account-menu.tsx. */
export interface AccountMenuData {
  userName: string;
  /** Admin links (members, audit) are shown only when the role may manage the workspace. */
  canManageWorkspace: boolean;
  /** Null when the user belongs to no workspace (yet). */
  activeWorkspaceId: string | null;
  workspaces: WorkspaceChoice[];
}

/** The header's account data for this request, or null when signed out. */
export async function loadAccountMenu(): Promise<AccountMenuData | null> {
  const session = await currentSession();
  if (!session) return null;
  const [actor, workspaces] = await Promise.all([currentActor(), listMyWorkspaces(session.userId)]);
  return {
    userName: session.user.name,
    canManageWorkspace: actor !== null && can(actor.role, "member.manage"),
    activeWorkspaceId: actor?.workspaceId ?? null,
    workspaces,
  };
}
