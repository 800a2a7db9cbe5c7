import { useTranslations } from "next-intl";
import type { DecisionStatus } from "@/lib/decisions/dto";

export function StatusBadge({ status }: { status: DecisionStatus }) {
  const t = useTranslations("decisions.status");
  return <span className={`badge badge-${status.toLowerCase()}`}>{t(status)}</span>;
}
