import { useTranslations } from "next-intl";
import type { ScoringError } from "@/lib/scoring";

type ErrorKey = Parameters<ReturnType<typeof useTranslations<"decisions.errors">>>[0];

/** Shown instead of results when the model cannot be scored (e.g. every weight is zero). */
export function ScoringErrors({ errors }: { errors: ScoringError[] }) {
  const t = useTranslations("decisions.errors");
  return (
    <section role="alert" className="callout callout-error">
      <h2>{t("title")}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{t.has(e.code as ErrorKey) ? t(e.code as ErrorKey) : e.message}</li>
        ))}
      </ul>
    </section>
  );
}
