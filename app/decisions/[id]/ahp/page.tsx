import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AhpWizard } from "@/components/ahp/ahp-wizard";
import { requireActor } from "@/lib/server/context";
import { getAhpView } from "@/lib/server/judgments";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("ahp");
  return { title: t("title") };
}

export default async function AhpPage({ params }: Props) {
  const actor = await requireActor();
  const view = await getAhpView(actor, (await params).id);
  if (!view) notFound();
  return (
    <ClientMessages namespaces={["ahp"]}>
      <AhpWizard view={view} />
    </ClientMessages>
  );
}
