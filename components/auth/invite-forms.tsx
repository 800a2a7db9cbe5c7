"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { acceptInvitationAction, inviteSignUpAction } from "@/lib/actions/auth";
import { inviteSignUpSchema } from "@/lib/validation/auth";
import { Field, FormStatus, SubmitButton, useClientValidation } from "./form-parts";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("auth.invite");
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="token" value={token} />
      <FormStatus state={state} />
      <SubmitButton pending={pending} label={t("accept")} pendingLabel={t("accepting")} />
    </form>
  );
}

export function InviteSignUpForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(inviteSignUpAction, null);
  const { errors, onSubmit } = useClientValidation(inviteSignUpSchema, state);
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="auth-form">
      <input type="hidden" name="token" value={token} />
      <Field
        name="name"
        label={t("fields.name")}
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={values?.name}
        error={errors.name}
      />
      <Field
        name="email"
        type="email"
        label={t("fields.email")}
        autoComplete="email"
        required
        defaultValue={values?.email}
        error={errors.email}
      />
      <Field
        name="password"
        type="password"
        label={t("fields.password")}
        autoComplete="new-password"
        required
        hint={t("fields.passwordHint")}
        error={errors.password}
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending} label={t("invite.accept")} pendingLabel={t("invite.accepting")} />
    </form>
  );
}
