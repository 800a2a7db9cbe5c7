"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signUpAction } from "@/lib/actions/auth";
import { signUpSchema } from "@/lib/validation/auth";
import { Field, FormStatus, SubmitButton, useClientValidation } from "./form-parts";

export function SignUpForm() {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signUpAction, null);
  const { errors, onSubmit } = useClientValidation(signUpSchema, state);
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="auth-form" aria-labelledby="sign-up-title">
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
      <Field
        name="workspaceName"
        label={t("fields.workspaceName")}
        required
        maxLength={100}
        hint={t("fields.workspaceHint")}
        defaultValue={values?.workspaceName}
        error={errors.workspaceName}
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending} label={t("signUp.submit")} pendingLabel={t("signUp.pending")} />
      <p>
        {t("signUp.haveAccount")} <Link href="/sign-in">{t("signUp.signInLink")}</Link>
      </p>
    </form>
  );
}
