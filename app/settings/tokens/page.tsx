import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApiTokensPanel } from "@/components/settings/api-tokens-panel";
import { listApiTokens } from "@/lib/server/api-tokens";
import { requireActor } from "@/lib/server/context";
import { getWorkspaceName } from "@/lib/server/workspaces";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.apiTokens"))("title") };
}

/** Every member manages their own tokens for the active workspace (self-service, like name and password). */
export default async function ApiTokensPage() {
  const actor = await requireActor();
  const [t, tokens, workspace] = await Promise.all([
    getTranslations("auth.apiTokens"),
    listApiTokens(actor),
    getWorkspaceName(actor),
  ]);
  return (
    <ClientMessages namespaces={["auth.apiTokens", "auth.errors", "common.errors"]}>
      <section>
        <h1>{t("title")}</h1>
        <p className="lede">{t("lede", { workspace })}</p>
        <p className="hint">
          {t("docsHint")} <Link href="/api-docs">{t("docsLink")}</Link>
        </p>
        <ApiTokensPanel tokens={tokens} canAdmin={actor.role === "ADMIN"} />
      </section>
    </ClientMessages>
  );
}
