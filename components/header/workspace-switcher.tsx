"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { switchWorkspaceAction } from "@/lib/actions/auth";
import type { WorkspaceChoice } from "@/lib/server/workspaces";

/** A select that switches the session's active workspace; the form also works without JavaScript via its button. */
export function WorkspaceSwitcher({ workspaces, activeId }: { workspaces: WorkspaceChoice[]; activeId: string }) {
  // Two narrow namespaces rather than "auth": the root layout sends these to every page.
  const t = useTranslations("auth.header");
  const roles = useTranslations("auth.roles");
  const [, action, pending] = useActionState(switchWorkspaceAction, null);
  const form = useRef<HTMLFormElement>(null);
  return (
    <form action={action} ref={form} className="workspace-switcher">
      <label>
        <span className="visually-hidden">{t("workspace")}</span>
        <select
          name="workspaceId"
          defaultValue={activeId}
          aria-label={t("workspace")}
          disabled={pending}
          onChange={() => form.current?.requestSubmit()}
        >
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} · {roles(w.role)}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit">{t("workspace")}</button>
      </noscript>
      <span role="status" aria-live="polite" className="visually-hidden">
        {pending ? t("switching") : ""}
      </span>
    </form>
  );
}
