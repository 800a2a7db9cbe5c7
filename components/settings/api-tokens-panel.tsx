"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/api-tokens";
import type { ApiTokenView } from "@/lib/server/api-tokens";
import { API_SCOPES, API_TOKEN_EXPIRY_DAYS } from "@/lib/validation/api-token";
import { FormStatus, SubmitButton, useErrorText } from "@/components/auth/form-parts";

const SCOPE_KEYS = {
  read: "scope.read",
  write: "scope.write",
  "scores:write": "scope.scores_write",
  admin: "scope.admin",
} as const;

function CreateTokenForm({ canAdmin }: { canAdmin: boolean }) {
  const t = useTranslations("auth.apiTokens");
  const errorText = useErrorText();
  const id = useId();
  const [state, action, pending] = useActionState(createApiTokenAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const scopes = API_SCOPES.filter((s) => s !== "admin" || canAdmin);
  return (
    <form action={action} className="token-form">
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("name")}</label>
        <input
          id={`${id}-name`}
          name="name"
          maxLength={80}
          required
          defaultValue={state && !state.ok ? state.values?.name : undefined}
          aria-invalid={fieldErrors?.name ? true : undefined}
          aria-describedby={fieldErrors?.name ? `${id}-name-error` : `${id}-name-hint`}
        />
        <p id={`${id}-name-hint`} className="hint">
          {t("nameHint")}
        </p>
        {fieldErrors?.name && (
          <p id={`${id}-name-error`} className="field-error">
            {errorText(fieldErrors.name)}
          </p>
        )}
      </div>
      <fieldset className="field" aria-describedby={fieldErrors?.scopes ? `${id}-scopes-error` : undefined}>
        <legend>{t("scopes")}</legend>
        {scopes.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" name={`scope-${s}`} defaultChecked={s === "read"} /> <code>{s}</code> —{" "}
            {t(SCOPE_KEYS[s])}
          </label>
        ))}
        {fieldErrors?.scopes && (
          <p id={`${id}-scopes-error`} className="field-error">
            {errorText(fieldErrors.scopes)}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-days`}>{t("expiresIn")}</label>
        <select id={`${id}-days`} name="days" defaultValue="30">
          {API_TOKEN_EXPIRY_DAYS.map((d) => (
            <option key={d} value={d}>
              {t("days", { count: d })}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pending={pending} label={t("create")} pendingLabel={t("creating")} />
      <FormStatus
        state={state}
        success={
          state?.ok && state.data ? (
            <>
              {t("created")}
              <label className="field">
                <span>{t("secret")}</span>
                <input
                  readOnly
                  value={state.data.token}
                  className="token-secret"
                  data-testid="new-token"
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

function RevokeButton({ token }: { token: ApiTokenView }) {
  const t = useTranslations("auth.apiTokens");
  const [state, action, pending] = useActionState(revokeApiTokenAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={token.id} />
      <SubmitButton pending={pending} label={t("revoke")} className="button-secondary" pendingLabel={t("revoking")} />
      <span className="visually-hidden">{token.name}</span>
      <FormStatus state={state} success={t("revoked")} />
    </form>
  );
}

export function ApiTokensPanel({ tokens, canAdmin }: { tokens: ApiTokenView[]; canAdmin: boolean }) {
  const t = useTranslations("auth.apiTokens");
  const format = useFormatter();
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) : t("never");
  return (
    <>
      <h2>{t("createTitle")}</h2>
      <CreateTokenForm canAdmin={canAdmin} />
      <h2>{t("listTitle")}</h2>
      {tokens.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t("listTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("token")}</th>
              <th scope="col">{t("scopes")}</th>
              <th scope="col">{t("expires")}</th>
              <th scope="col">{t("lastUsed")}</th>
              <th scope="col">{t("state")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok) => (
              <tr key={tok.id}>
                <th scope="row">{tok.name}</th>
                <td>
                  <code>{tok.hint}…</code>
                </td>
                <td>{tok.scopes.join(", ")}</td>
                <td>{when(tok.expiresAt)}</td>
                <td>{when(tok.lastUsedAt)}</td>
                <td>{t(`states.${tok.state}`)}</td>
                <td>{tok.state === "active" ? <RevokeButton token={tok} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
