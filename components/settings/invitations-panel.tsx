"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { INVITATION_EXPIRY_DAYS } from "@/lib/auth/policy";
import { createInvitationAction, revokeInvitationAction } from "@/lib/actions/members";
import type { InvitationView } from "@/lib/server/invitations";
import { ROLES } from "@/lib/validation/auth";
import { FormStatus, SubmitButton, useErrorText } from "@/components/auth/form-parts";

function CreateInvitationForm() {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const id = useId();
  const [state, action, pending] = useActionState(createInvitationAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="inline-form invitation-form">
      <div className="field">
        <label htmlFor={`${id}-role`}>{t("invitations.role")}</label>
        <select id={`${id}-role`} name="role" defaultValue="VIEWER" aria-invalid={fieldErrors?.role ? true : undefined}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        {fieldErrors?.role && <p className="field-error">{errorText(fieldErrors.role)}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-expiry`}>{t("invitations.expiresIn")}</label>
        <select id={`${id}-expiry`} name="expiresInDays" defaultValue="7">
          {INVITATION_EXPIRY_DAYS.map((d) => (
            <option key={d} value={d}>
              {t("invitations.days", { count: d })}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pending={pending} label={t("invitations.create")} pendingLabel={t("invitations.creating")} />
      <FormStatus
        state={state}
        success={
          state?.ok && state.data ? (
            <>
              {t("invitations.created")}
              <label className="field">
                <span>{t("invitations.link")}</span>
                <input
                  readOnly
                  value={state.data.url}
                  className="invitation-link"
                  onFocus={(e) => e.currentTarget.select()}
                />
              </label>
            </>
          ) : null
        }
      />
    </form>
  );
}

function RevokeButton({ id }: { id: string }) {
  const t = useTranslations("auth.invitations");
  const [state, action, pending] = useActionState(revokeInvitationAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="invitationId" value={id} />
      <SubmitButton pending={pending} label={t("revoke")} className="button-secondary" />
      <FormStatus state={state} success={t("revoked")} />
    </form>
  );
}

export function InvitationsPanel({ invitations }: { invitations: InvitationView[] }) {
  const t = useTranslations("auth");
  const format = useFormatter();
  return (
    <>
      <CreateInvitationForm />
      {invitations.length === 0 ? (
        <p className="hint">{t("invitations.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("invitations.role")}</th>
                <th scope="col">{t("invitations.status")}</th>
                <th scope="col">{t("invitations.expires")}</th>
                <th scope="col">{t("invitations.createdBy")}</th>
                <th scope="col">{t("members.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((inv) => (
                <tr key={inv.id}>
                  <td>{t(`roles.${inv.role}`)}</td>
                  <td>{t(`invitations.statuses.${inv.status}`)}</td>
                  <td>
                    {format.dateTime(new Date(inv.expiresAt), {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: "UTC",
                    })}
                  </td>
                  <td>{inv.createdByName ?? "—"}</td>
                  <td>{inv.status === "pending" && <RevokeButton id={inv.id} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
