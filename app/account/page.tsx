import { getTranslations } from "next-intl/server";
import { ChangeNameForm, ChangePasswordForm } from "@/components/auth/account-forms";
import { LeaveWorkspaceButton } from "@/components/auth/leave-workspace-button";
import { signOutAction, signOutEverywhereAction } from "@/lib/actions/auth";
import { requireSession } from "@/lib/server/context";
import { listMyWorkspaces } from "@/lib/server/workspaces";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.account"))("title") };
}

export default async function AccountPage() {
  const session = await requireSession();
  const t = await getTranslations("auth");
  const workspaces = await listMyWorkspaces(session.userId);
  return (
    <ClientMessages namespaces={["auth", "common.errors"]}>
      <section className="auth-page">
        <h1>{t("account.title")}</h1>
        <p className="lede">{t("account.lede", { email: session.user.email })}</p>

        <h2>{t("account.workspacesTitle")}</h2>
        {workspaces.length === 0 ? (
          <p className="callout">{t("account.noWorkspace")}</p>
        ) : (
          <ul className="plain workspace-list">
            {workspaces.map((w) => (
              <li key={w.id}>
                <span>
                  {w.name} · {t(`roles.${w.role}`)}
                </span>
                <LeaveWorkspaceButton workspaceId={w.id} workspaceName={w.name} />
              </li>
            ))}
          </ul>
        )}

        <h2>{t("account.nameTitle")}</h2>
        <ChangeNameForm name={session.user.name} />

        <h2>{t("account.passwordTitle")}</h2>
        <ChangePasswordForm />

        <h2>{t("account.sessionsTitle")}</h2>
        <div className="button-row">
          <form action={signOutAction}>
            <button type="submit" className="button-secondary">
              {t("signOut.submit")}
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="button-secondary" aria-describedby="everywhere-hint">
              {t("signOut.everywhere")}
            </button>
          </form>
        </div>
        <p id="everywhere-hint" className="hint">
          {t("signOut.everywhereHint")}
        </p>
      </section>
    </ClientMessages>
  );
}
