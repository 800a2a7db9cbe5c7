import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AhpTree } from "@/components/ahp/ahp-tree";
import { CandidateComparison } from "@/components/ahp/candidate-comparison";
import { requireActor } from "@/lib/server/context";
import { getComparisonView } from "@/lib/server/candidate-judgments";
import { getAhpView } from "@/lib/server/judgments";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ criterion?: string | string[] }> };

export async function generateMetadata() {
  const t = await getTranslations("ahp");
  return { title: t("title") };
}

export default async function AhpPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const id = (await params).id;
  const view = await getAhpView(actor, id);
  if (!view) notFound();
  const comparison = await getComparisonView(actor, id);
  const criterion = (await searchParams).criterion;
  return (
    <ClientMessages namespaces={["ahp"]}>
      {comparison && comparison.criteria.length > 0 ? (
        <CandidateComparison
          key={comparison.criteria.map((c) => c.id).join(",")}
          view={comparison}
          initialCriterion={typeof criterion === "string" ? criterion : undefined}
        />
      ) : null}
      <AhpTree view={view} />
    </ClientMessages>
  );
}
