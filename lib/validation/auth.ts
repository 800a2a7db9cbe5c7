// Shared zod schemas for the account and membership forms: the client shows the same field messages the server
// action enforces. Messages are translation keys under "auth.errors" (both languages), never English text.
import { z } from "zod";
import { passwordProblem } from "@/lib/auth/password-policy";
import { INVITATION_EXPIRY_DAYS, PASSWORD_MAX_LENGTH } from "@/lib/auth/policy";
import { safeRedirectPathOrUndefined } from "@/lib/http/safe-redirect";

import { roleSchema } from "./enums";

export { ROLES, roleSchema } from "./enums";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "emailRequired")
  .max(254, "emailInvalid")
  .pipe(z.email("emailInvalid"));

const name = z.string().trim().min(1, "nameRequired").max(100, "nameTooLong");

/** New passwords: the full policy. */
const newPassword = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Passwords being checked (sign-in, current password): only bounded, so a 1 MB body is not hashed. */
const existingPassword = z
  .string()
  .min(1, "passwordRequired")
  .max(PASSWORD_MAX_LENGTH * 4, "passwordTooLong");

/** Only same-origin paths (lib/http/safe-redirect), so ?next= cannot send someone elsewhere after sign-in. */
export const nextPath = z.string().optional().transform(safeRedirectPathOrUndefined);

function rejectEmailAsPassword<T extends { email: string; password: string }>(value: T, ctx: z.RefinementCtx) {
  if (passwordProblem(value.password, { email: value.email }) === "passwordIsEmail") {
    ctx.addIssue({ code: "custom", path: ["password"], message: "passwordIsEmail" });
  }
}

export const signUpSchema = z
  .object({
    name,
    email,
    password: newPassword,
    workspaceName: z.string().trim().min(1, "workspaceRequired").max(100, "nameTooLong"),
  })
  .superRefine(rejectEmailAsPassword);

/** Sign-up through an invitation: the workspace already exists. */
export const inviteSignUpSchema = z.object({ name, email, password: newPassword }).superRefine(rejectEmailAsPassword);

export const signInSchema = z.object({ email, password: existingPassword, next: nextPath });

export const changeNameSchema = z.object({ name });

export const changePasswordSchema = z
  .object({ currentPassword: existingPassword, newPassword, confirmPassword: z.string() })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword)
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordMismatch" });
  });

export const changeRoleSchema = z.object({ membershipId: z.string().min(1).max(64), role: roleSchema });

export const removeMemberSchema = z.object({ membershipId: z.string().min(1).max(64) });

export const createInvitationSchema = z.object({
  role: roleSchema,
  expiresInDays: z.coerce
    .number()
    .int()
    .refine((d) => (INVITATION_EXPIRY_DAYS as readonly number[]).includes(d), "expiryInvalid"),
});

export const revokeInvitationSchema = z.object({ invitationId: z.string().min(1).max(64) });

export const switchWorkspaceSchema = z.object({ workspaceId: z.string().min(1).max(64) });

export const workspaceNameSchema = z.object({
  name: z.string().trim().min(1, "workspaceRequired").max(100, "nameTooLong"),
});

/** A required choice rather than a checkbox: an empty or stray submission must never switch the setting off. */
export const viewerShareLinksSchema = z.object({
  viewerShareLinks: z.enum(["on", "off"], { error: "choiceRequired" }),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type InviteSignUpInput = z.infer<typeof inviteSignUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/** Field → first error key, for forms. */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
