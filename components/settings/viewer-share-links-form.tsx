"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { setViewerShareLinksAction } from "@/lib/actions/members";
import { FormStatus, SubmitButton } from "@/components/auth/form-parts";

/** The workspace switch for viewers creating share links; a select so a submission always names the choice. */
export function ViewerShareLinksForm({ enabled }: { enabled: boolean }) {
  const t = useTranslations("auth.members");
  const [state, action, pending] = useActionState(setViewerShareLinksAction, null);
  const id = useId();
  return (
    <form action={action} className="inline-form">
      <div className="field">
        <label htmlFor={id}>{t("viewerShareLinks")}</label>
        <select id={id} name="viewerShareLinks" defaultValue={enabled ? "on" : "off"} aria-describedby={`${id}-hint`}>
          <option value="on">{t("viewerShareLinksOn")}</option>
          <option value="off">{t("viewerShareLinksOff")}</option>
        </select>
        <p id={`${id}-hint`} className="hint">
          {t("viewerShareLinksHint")}
        </p>
      </div>
      <SubmitButton pending={pending} label={t("saveSettings")} className="button-secondary" />
      <FormStatus state={state} success={t("settingsSaved")} />
    </form>
  );
}
