import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SetupEditor } from "@/components/setup/setup-editor";
import { SetupReadOnly } from "@/components/setup/setup-read-only";
import { StatusPanel } from "@/components/setup/status-panel";
import { can } from "@/lib/server/authz";
import { currentActor, requireActor } from "@/lib/server/context";
import { getDecisionHeader, getSetupData } from "@/lib/server/decisions";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const actor = await currentActor();
  // The layout's cached header: reading the whole setup here would load it twice per request.
  const header = actor ? await getDecisionHeader(actor, (await params).id) : null;
  const t = await getTranslations("setup");
  return { title: header ? t("pageTitle", { title: header.title }) : t("notFound") };
}

export default async function SetupPage({ params }: Props) {
  const actor = await requireActor();
  const data = await getSetupData(actor, (await params).id);
  if (!data) notFound();
  const canWrite = can(actor.role, "decision.write");
  const locked = data.decision.status === "DECIDED" || data.decision.status === "SUPERSEDED";
  return (
    <ClientMessages
      namespaces={[
        "common.errors",
        "decisions.criteria",
        "decisions.status",
        "setup.candidates",
        "setup.conflict",
        "setup.criteria",
        "setup.curve",
        "setup.errors",
        "setup.header",
        "setup.rows",
        "setup.save",
        "setup.status",
      ]}
    >
      <div className="setup">
        {canWrite && !locked ? (
          // Remounts after a status change, so the editors start from the reopened decision's current versions.
          <SetupEditor key={`editor-${data.decision.status}`} data={data} />
        ) : (
          <SetupReadOnly data={data} />
        )}
        <StatusPanel
          key={`status-${data.decision.status}`}
          decision={data.decision}
          candidates={data.candidates.map((c) => ({ id: c.id, name: c.name }))}
          otherDecisions={data.otherDecisions}
          canWrite={canWrite}
        />
      </div>
    </ClientMessages>
  );
}
