import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { DecisionTabs } from "@/components/decisions/decision-tabs";
import { StatusBadge } from "@/components/decisions/status-badge";
import { requireActor } from "@/lib/server/context";
import { getDecisionHeader, type DecisionHeader } from "@/lib/server/decisions";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function DecisionLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const actor = await requireActor();
  const header = await getDecisionHeader(actor, (await params).id);
  if (!header) notFound();
  return (
    <article className="decision" aria-labelledby="decision-title">
      <Header header={header} />
      <ClientMessages namespaces={["decisions.tabs"]}>
        <DecisionTabs decisionId={header.id} />
      </ClientMessages>
      {children}
    </article>
  );
}

function Header({ header }: { header: DecisionHeader }) {
  const t = useTranslations("decisions.detail");
  return (
    <header className="decision-header">
      <h1 id="decision-title">{header.title}</h1>
      <p className="meta">
        <StatusBadge status={header.status} />
        {header.teamName ? <span>{t("ownedBy", { team: header.teamName })}</span> : null}
      </p>
      {header.context ? (
        <details className="context-box" open>
          <summary>{t("context")}</summary>
          <p className="context">{header.context}</p>
        </details>
      ) : null}
    </header>
  );
}
