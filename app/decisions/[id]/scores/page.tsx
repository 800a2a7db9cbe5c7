import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ScoreGrid } from "@/components/scores/score-grid";
import { requireActor } from "@/lib/server/context";
import { getScoreGrid } from "@/lib/server/scores";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("scores");
  return { title: t("title") };
}

export default async function ScoresPage({ params }: Props) {
  const actor = await requireActor();
  const grid = await getScoreGrid(actor, (await params).id);
  if (!grid) notFound();
  return <ScoreGrid grid={grid} />;
}
