"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * The views of one decision. Each feature adds its tab here: `segment` is the route below /decisions/[id]
 * ("" for the results overview).
 */
export const DECISION_TABS = [
  { segment: "", key: "results" },
  { segment: "matrix", key: "matrix" },
  { segment: "report", key: "report" },
  { segment: "scores", key: "scores" },
  { segment: "ahp", key: "ahp" },
  { segment: "setup", key: "setup" },
  { segment: "team", key: "team" },
] as const;

export function DecisionTabs({ decisionId }: { decisionId: string }) {
  const t = useTranslations("decisions.tabs");
  const pathname = usePathname();
  const base = `/decisions/${decisionId}`;
  return (
    <nav className="tabs" aria-label={t("label")}>
      {DECISION_TABS.map((tab) => {
        const href = tab.segment ? `${base}/${tab.segment}` : base;
        const current = pathname === href;
        return (
          <Link
            key={tab.key}
            href={href}
            aria-current={current ? "page" : undefined}
            className={current ? "tab current" : "tab"}
          >
            {t(tab.key)}
          </Link>
        );
      })}
    </nav>
  );
}
