import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { InvitationsPanel } from "@/components/settings/invitations-panel";
import { MembersTable } from "@/components/settings/members-table";
import { ViewerShareLinksForm } from "@/components/settings/viewer-share-links-form";
import { WorkspaceNameForm } from "@/components/settings/workspace-name-form";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { listInvitations } from "@/lib/server/invitations";
import { listMembers } from "@/lib/server/members";
import { pageNumber } from "@/lib/server/paging";
import { getWorkspaceSettings } from "@/lib/server/workspaces";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.members"))("title") };
}

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function MembersPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor.role, "member.manage")) forbidden();
  const [t, members, invitations, settings] = await Promise.all([
    getTranslations("auth"),
    listMembers(actor, pageNumber((await searchParams).page)),
    listInvitations(actor),
    getWorkspaceSettings(actor),
  ]);
  const workspaceName = settings.name;
  return (
    <ClientMessages namespaces={["auth", "common.errors"]}>
      <section>
        <h1>{t("members.title")}</h1>
        <p className="lede">{t("members.lede", { workspace: workspaceName })}</p>
        <p className="hint">{t("members.rolesHelp")}</p>
        <MembersTable members={members.items} selfId={actor.userId} />
        <Pager
          page={members.page}
          pageCount={members.pageCount}
          hrefFor={(p) => `/settings/members?page=${p}`}
          label={t("members.pagesLabel")}
        />

        <h2>{t("invitations.title")}</h2>
        <p className="hint">{t("invitations.lede")}</p>
        <InvitationsPanel invitations={invitations} />

        <h2>{t("members.settingsTitle")}</h2>
        <WorkspaceNameForm name={workspaceName} />
        <ViewerShareLinksForm enabled={settings.viewerShareLinks} />
      </section>
    </ClientMessages>
  );
}
