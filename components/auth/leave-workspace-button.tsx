"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { leaveWorkspaceAction } from "@/lib/actions/auth";
import { FormStatus } from "./form-parts";

export function LeaveWorkspaceButton({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const t = useTranslations("auth.account");
  const [state, action, pending] = useActionState(leaveWorkspaceAction, null);
  return (
    <form
      action={action}
      className="inline-form"
      onSubmit={(e) => {
        if (!window.confirm(t("leaveConfirm", { workspace: workspaceName }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <button
        type="submit"
        className="button-secondary"
        disabled={pending}
        aria-label={t("leaveWorkspace", { workspace: workspaceName })}
      >
        {t("leave")}
      </button>
      <FormStatus state={state} success={t("left")} />
    </form>
  );
}
