"use server";
// Account actions. Every export here is a public endpoint built by defineAction & co. (lib/server/define-action.ts):
// edge checks → shared zod schema → session → data layer → revalidate → typed result or redirect.
import { z } from "zod";
import {
  changeNameSchema,
  changePasswordSchema,
  inviteSignUpSchema,
  signInSchema,
  signUpSchema,
  switchWorkspaceSchema,
} from "@/lib/validation/auth";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import * as accounts from "@/lib/server/accounts";
import { currentActor } from "@/lib/server/context";
import { defineFormAction, defineRedirectAction } from "@/lib/server/define-action";
import { acceptInvitation, acceptInvitationWithSignUp } from "@/lib/server/invitations";
import { getRequestMeta } from "@/lib/server/request-meta";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "@/lib/server/session-cookie";
import { leaveWorkspace } from "@/lib/server/members";
import { switchWorkspace } from "@/lib/server/workspaces";

const everyPage = [{ path: "/", type: "layout" as const }];
const tokenField = z.string().min(1).max(200);

export const signUpAction = defineFormAction(
  signUpSchema,
  async (_, input) => {
    const meta = await getRequestMeta();
    const session = await accounts.signUp(input, meta);
    await setSessionCookie(session.token, session.expiresAt, meta.secure);
  },
  { auth: "public", echo: ["name", "email", "workspaceName"], redirect: () => "/" },
);

export const signInAction = defineFormAction(
  signInSchema,
  async (_, input) => {
    const meta = await getRequestMeta();
    const session = await accounts.signIn(input, meta);
    await setSessionCookie(session.token, session.expiresAt, meta.secure);
  },
  { auth: "public", echo: ["email"], redirect: (_, input) => safeRedirectPath(input.next) },
);

export const signOutAction = defineRedirectAction(
  z.object({}),
  async () => {
    const token = await readSessionCookie();
    if (token) await accounts.signOut(token, await getRequestMeta());
    await clearSessionCookie();
  },
  { auth: "public", to: () => "/sign-in" },
);

/** Signed out already: there is nothing to end, and /sign-in is where they belong either way. */
export const signOutEverywhereAction = defineRedirectAction(
  z.object({}),
  async (session) => {
    const actor = await currentActor();
    await accounts.signOutEverywhere(session.userId, actor?.workspaceId ?? null, await getRequestMeta());
    await clearSessionCookie();
  },
  { auth: "session", to: () => "/sign-in" },
);

export const changeNameAction = defineFormAction(
  changeNameSchema,
  async (session, input) => {
    const actor = await currentActor();
    await accounts.changeName(session.userId, actor?.workspaceId ?? null, input.name, await getRequestMeta());
  },
  { auth: "session", echo: ["name"], revalidate: everyPage, message: "nameSaved" },
);

export const changePasswordAction = defineFormAction(
  changePasswordSchema,
  async (session, input) => {
    const actor = await currentActor();
    await accounts.changePassword(
      { userId: session.userId, sessionId: session.id, workspaceId: actor?.workspaceId ?? null },
      input,
      await getRequestMeta(),
    );
  },
  { auth: "session", message: "passwordChanged" },
);

/** Every page shows workspace data; the decision a user was looking at may not exist in the new workspace. */
export const switchWorkspaceAction = defineFormAction(
  switchWorkspaceSchema,
  async (session, input) => switchWorkspace(session, input.workspaceId, await getRequestMeta()),
  { auth: "session", revalidate: everyPage, redirect: () => "/" },
);

/** A signed-in user accepts an invitation (the token is a hidden field of the invitation page's form). */
export const acceptInvitationAction = defineFormAction(
  z.object({ token: tokenField }),
  async (session, input) => acceptInvitation(session, input.token, await getRequestMeta()),
  { auth: "session", revalidate: everyPage, redirect: () => "/" },
);

/** A new person creates their account through an invitation link and joins with the invited role. */
export const inviteSignUpAction = defineFormAction(
  z.intersection(z.object({ token: tokenField }), inviteSignUpSchema),
  async (_, { token, ...input }) => {
    const meta = await getRequestMeta();
    const session = await acceptInvitationWithSignUp(token, input, meta);
    await setSessionCookie(session.token, session.expiresAt, meta.secure);
  },
  { auth: "public", echo: ["name", "email"], redirect: () => "/" },
);

/** Leaves a workspace the signed-in user belongs to (refused for its last admin). */
export const leaveWorkspaceAction = defineFormAction(
  switchWorkspaceSchema,
  async (session, input) => leaveWorkspace(session.userId, input.workspaceId, await getRequestMeta()),
  { auth: "session", revalidate: everyPage, message: "left" },
);
