"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeNameAction, changePasswordAction } from "@/lib/actions/auth";
import { changeNameSchema, changePasswordSchema } from "@/lib/validation/auth";
import { Field, FormStatus, SubmitButton, useClientValidation } from "./form-parts";

export function ChangeNameForm({ name }: { name: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(changeNameAction, null);
  const { errors, onSubmit } = useClientValidation(changeNameSchema, state);
  const value = state && !state.ok ? state.values?.name : undefined;
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="auth-form">
      <Field
        name="name"
        label={t("fields.name")}
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={value ?? name}
        error={errors.name}
      />
      <FormStatus state={state} success={t("account.nameSaved")} />
      <SubmitButton pending={pending} label={t("account.saveName")} pendingLabel={t("account.saving")} />
    </form>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const { errors, onSubmit } = useClientValidation(changePasswordSchema, state);
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="auth-form">
      <Field
        name="currentPassword"
        type="password"
        label={t("fields.currentPassword")}
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <Field
        name="newPassword"
        type="password"
        label={t("fields.newPassword")}
        autoComplete="new-password"
        required
        hint={t("fields.passwordHint")}
        error={errors.newPassword}
      />
      <Field
        name="confirmPassword"
        type="password"
        label={t("fields.confirmPassword")}
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <FormStatus state={state} success={t("account.passwordChanged")} />
      <SubmitButton pending={pending} label={t("account.changePassword")} pendingLabel={t("account.saving")} />
    </form>
  );
}
