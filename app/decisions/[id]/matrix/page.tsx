import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MatrixView } from "@/components/matrix/matrix-view";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { getScoreGrid } from "@/lib/server/scores";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("matrix");
  return { title: t("title") };
}

export default async function MatrixPage({ params }: Props) {
  const actor = await requireActor();
  // The score grid's view of the decision: the person's own scores (blind scoring holds), the facts, the parts.
  const grid = await getScoreGrid(actor, (await params).id);
  if (!grid) notFound();
  return (
    <ClientMessages
      namespaces={[
        "common.errors",
        "decisions.criteria",
        "facts.errors",
        "matrix",
        "scores.errors",
        "setup.conflict",
        "setup.errors",
        "setup.save",
      ]}
    >
      <MatrixView
        decision={grid.decision}
        meId={grid.me.id}
        canSetup={can(actor.role, "decision.write") && !grid.locked}
        canScore={grid.canScore}
        canFacts={grid.canEnterFacts}
        locked={grid.locked}
      />
    </ClientMessages>
  );
}
