"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeRoleAction, removeMemberAction } from "@/lib/actions/members";
import type { MemberView } from "@/lib/server/members";
import { ROLES } from "@/lib/validation/auth";
import { FormStatus, SubmitButton } from "@/components/auth/form-parts";

function MemberRow({ member, isSelf }: { member: MemberView; isSelf: boolean }) {
  const t = useTranslations("auth");
  const format = useFormatter();
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, null);
  const [removeState, removeAction, removePending] = useActionState(removeMemberAction, null);
  return (
    <tr>
      <th scope="row">
        {member.name} {isSelf && <span className="sub">{t("members.you")}</span>}
      </th>
      <td>{member.email}</td>
      <td>
        <form action={roleAction} className="inline-form">
          <input type="hidden" name="membershipId" value={member.membershipId} />
          <select
            key={member.role}
            name="role"
            defaultValue={member.role}
            aria-label={t("members.roleFor", { name: member.name })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <SubmitButton pending={rolePending} label={t("members.changeRole")} className="button-secondary" />
          <FormStatus state={roleState} success={t("members.roleChanged")} />
        </form>
      </td>
      <td>{format.dateTime(new Date(member.joinedAt), { dateStyle: "medium", timeZone: "UTC" })}</td>
      <td>
        <form
          action={removeAction}
          onSubmit={(e) => {
            if (!window.confirm(t("members.removeConfirm", { name: member.name }))) e.preventDefault();
          }}
        >
          <input type="hidden" name="membershipId" value={member.membershipId} />
          <SubmitButton pending={removePending} label={t("members.remove")} className="button-danger" />
          <FormStatus state={removeState} success={t("members.removed")} />
        </form>
      </td>
    </tr>
  );
}

export function MembersTable({ members, selfId }: { members: MemberView[]; selfId: string }) {
  const t = useTranslations("auth.members");
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("joined")}</th>
            <th scope="col">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <MemberRow key={m.membershipId} member={m} isSelf={m.userId === selfId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
