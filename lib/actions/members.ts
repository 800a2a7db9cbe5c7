"use server";
// Workspace administration actions (members, invitations, settings). Each a defineFormAction: parse → actor from the
// current session → data layer (authorises) → revalidate → typed result.
import {
  changeRoleSchema,
  createInvitationSchema,
  removeMemberSchema,
  revokeInvitationSchema,
  viewerShareLinksSchema,
  workspaceNameSchema,
} from "@/lib/validation/auth";
import { defineFormAction, withRequestMeta } from "@/lib/server/define-action";
import { createInvitation, revokeInvitation } from "@/lib/server/invitations";
import { changeRole, removeMember } from "@/lib/server/members";
import { getRequestMeta } from "@/lib/server/request-meta";
import { renameWorkspace, setViewerShareLinks } from "@/lib/server/workspaces";

const membersPage = ["/settings/members"];
const everyPage = [{ path: "/", type: "layout" as const }];

export const changeRoleAction = defineFormAction(changeRoleSchema, withRequestMeta(changeRole), {
  revalidate: membersPage,
  message: "roleChanged",
});

export const removeMemberAction = defineFormAction(removeMemberSchema, withRequestMeta(removeMember), {
  revalidate: everyPage,
  message: "removed",
});

/** Returns the link once; only its hash is stored, so it cannot be shown again. */
export const createInvitationAction = defineFormAction(
  createInvitationSchema,
  async (actor, input) => {
    const meta = await getRequestMeta();
    const invitation = await createInvitation(actor, input, meta);
    return { url: `${meta.origin}/invite/${invitation.token}` };
  },
  { revalidate: membersPage, message: "created" },
);

export const revokeInvitationAction = defineFormAction(
  revokeInvitationSchema,
  async (actor, input) => revokeInvitation(actor, input.invitationId, await getRequestMeta()),
  { revalidate: membersPage, message: "revoked" },
);

export const renameWorkspaceAction = defineFormAction(
  workspaceNameSchema,
  async (actor, input) => renameWorkspace(actor, input.name, await getRequestMeta()),
  { revalidate: everyPage, message: "workspaceRenamed" },
);

export const setViewerShareLinksAction = defineFormAction(
  viewerShareLinksSchema,
  async (actor, input) => setViewerShareLinks(actor, input.viewerShareLinks === "on", await getRequestMeta()),
  { revalidate: [{ path: "/", type: "layout" as const }], message: "settingsSaved" },
);
