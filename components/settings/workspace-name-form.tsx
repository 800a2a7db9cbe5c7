"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { renameWorkspaceAction } from "@/lib/actions/members";
import { workspaceNameSchema } from "@/lib/validation/auth";
import { Field, FormStatus, SubmitButton, useClientValidation } from "@/components/auth/form-parts";

export function WorkspaceNameForm({ name }: { name: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(renameWorkspaceAction, null);
  const { errors, onSubmit } = useClientValidation(workspaceNameSchema, state);
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="inline-form">
      <Field
        name="name"
        label={t("fields.workspaceName")}
        required
        maxLength={100}
        defaultValue={name}
        error={errors.name}
      />
      <SubmitButton pending={pending} label={t("members.renameWorkspace")} className="button-secondary" />
      <FormStatus state={state} success={t("members.workspaceRenamed")} />
    </form>
  );
}
