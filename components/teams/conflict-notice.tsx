"use client";
// "Someone else changed this first": their value and yours side by side, and the user picks.
import { useTranslations } from "next-intl";

export function ConflictNotice(props: {
  what: string;
  theirs: string;
  yours: string;
  onKeepTheirs: () => void;
  onUseMine: () => void;
}) {
  const t = useTranslations("teams.conflict");
  return (
    <div role="alert" className="callout callout-error conflict-notice" data-testid="conflict">
      <p>
        <strong>{t("title", { what: props.what })}</strong>
      </p>
      <p>{t("theirs", { value: props.theirs })}</p>
      <p>{t("yours", { value: props.yours })}</p>
      <p className="conflict-actions">
        <button type="button" className="button-secondary" onClick={props.onKeepTheirs}>
          {t("keepTheirs")}
        </button>
        <button type="button" className="button-primary" onClick={props.onUseMine}>
          {t("useMine")}
        </button>
      </p>
    </div>
  );
}
