import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FactsSection } from "@/components/facts/facts-section";
import { ScoreGrid } from "@/components/scores/score-grid";
import { requireActor } from "@/lib/server/context";
import { getScoreGrid } from "@/lib/server/scores";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("scores");
  return { title: t("title") };
}

export default async function ScoresPage({ params }: Props) {
  const actor = await requireActor();
  const grid = await getScoreGrid(actor, (await params).id);
  if (!grid) notFound();
  // Measurements first (entered once, never blind), then the opinions each architect scores on their own.
  const metrics = grid.decision.criteria.filter((c) => c.kind === "METRIC");
  return (
    <ClientMessages namespaces={["common.errors", "facts", "scores", "teams.conflict"]}>
      <>
        {metrics.length > 0 ? (
          <FactsSection
            decisionId={grid.decision.id}
            criteria={metrics}
            candidates={grid.decision.candidates}
            facts={grid.decision.facts}
            canEdit={grid.canEnterFacts}
            locked={grid.locked}
          />
        ) : null}
        <ScoreGrid grid={grid} />
      </>
    </ClientMessages>
  );
}
