"use client";
// Under a pairwise question: why an answer was refused, or, when another tab or browser answered the pair first, the
// two answers side by side with "keep mine" / "use the saved one". Shared by the criteria wizard and the candidate
// comparison; the answers arrive already in words.
import { useTranslations } from "next-intl";
import { knownKey } from "@/lib/i18n/known-key";

export function PairFeedback(props: {
  /** An ahp.errors key, or undefined. */
  error?: string;
  /** Set while a conflict waits: the pair's name and both answers in words (theirs null when it was removed). */
  conflict?: { pair: string; theirs: string | null; yours: string };
  onResolve: (choice: "mine" | "theirs") => void;
  conflictTestId: string;
}) {
  const t = useTranslations("ahp");
  const errText = (key: string) =>
    knownKey(t, `errors.${key}`) ? t(`errors.${key}` as "errors.unknown") : t("errors.unknown");
  const c = props.conflict;
  return (
    <>
      {props.error ? (
        <p className="field-error" role="alert">
          {errText(props.error)}
        </p>
      ) : null}
      {c ? (
        <div className="callout callout-error" role="alert" data-testid={props.conflictTestId}>
          <p>
            <strong>{t("conflict.title")}</strong>{" "}
            {t("conflict.explain", { pair: c.pair, theirs: c.theirs ?? t("conflict.none"), yours: c.yours })}
          </p>
          <button type="button" onClick={() => props.onResolve("mine")}>
            {t("conflict.keepMine")}
          </button>{" "}
          <button type="button" onClick={() => props.onResolve("theirs")}>
            {t("conflict.useTheirs")}
          </button>
        </div>
      ) : null}
    </>
  );
}
