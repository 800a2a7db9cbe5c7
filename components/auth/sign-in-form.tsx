"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction } from "@/lib/actions/auth";
import { signInSchema } from "@/lib/validation/auth";
import { Field, FormStatus, SubmitButton, useClientValidation } from "./form-parts";

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signInAction, null);
  const { errors, onSubmit } = useClientValidation(signInSchema, state);
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="auth-form" aria-labelledby="sign-in-title">
      {next && <input type="hidden" name="next" value={next} />}
      <Field
        name="email"
        type="email"
        label={t("fields.email")}
        autoComplete="username"
        required
        defaultValue={values?.email}
        error={errors.email}
      />
      <Field
        name="password"
        type="password"
        label={t("fields.password")}
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending} label={t("signIn.submit")} pendingLabel={t("signIn.pending")} />
      <p>
        {t("signIn.noAccount")} <Link href="/sign-up">{t("signIn.signUpLink")}</Link>
      </p>
    </form>
  );
}
