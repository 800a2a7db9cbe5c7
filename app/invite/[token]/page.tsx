import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AcceptInvitationForm, InviteSignUpForm } from "@/components/auth/invite-forms";
import { currentSession } from "@/lib/server/context";
import { previewInvitation } from "@/lib/server/invitations";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("auth.invitations"))("title") };
}

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const format = await getFormatter();
  const invitation = await previewInvitation(token);
  if (!invitation || invitation.status !== "pending") {
    const reason = invitation ? (invitation.status as Exclude<typeof invitation.status, "pending">) : "invalid";
    return (
      <section className="auth-page">
        <h1>{t("invite.invalidTitle")}</h1>
        <p role="alert">{t(`invite.${reason}`)}</p>
      </section>
    );
  }
  const session = await currentSession();
  const role = t(`roles.${invitation.role}`);
  return (
    <ClientMessages namespaces={["auth", "common.errors"]}>
      <section className="auth-page">
        <h1>{t("invite.title", { workspace: invitation.workspaceName })}</h1>
        <p className="lede">{t("invite.lede", { workspace: invitation.workspaceName, role })}</p>
        <p className="hint">
          {t("invite.expiresAt", {
            date: format.dateTime(new Date(invitation.expiresAt), {
              dateStyle: "medium",
              timeStyle: "short",
              timeZone: "UTC",
            }),
          })}
        </p>
        {session ? (
          <>
            <p>{t("invite.signedInAs", { email: session.user.email })}</p>
            <AcceptInvitationForm token={token} />
          </>
        ) : (
          <>
            <h2>{t("invite.newAccount")}</h2>
            <InviteSignUpForm token={token} />
            <p>
              {t("invite.haveAccount")}{" "}
              <Link href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`}>{t("invite.signInToAccept")}</Link>
            </p>
          </>
        )}
      </section>
    </ClientMessages>
  );
}
