import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MatrixView } from "@/components/matrix/matrix-view";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { getScoreGrid } from "@/lib/server/scores";

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
    <MatrixView
      decision={grid.decision}
      meId={grid.me.id}
      canSetup={can(actor.role, "decision.write") && !grid.locked}
      canScore={grid.canScore}
      canFacts={grid.canEnterFacts}
      locked={grid.locked}
    />
  );
}
