"use client";
// Title, context / problem statement and owning team of a decision, saved as you type.
import { useTranslations } from "next-intl";
import { updateDecisionFieldAction } from "@/lib/actions/decisions";
import type { SetupDecision, TeamOption } from "@/lib/server/decisions";
import { decisionHeaderFields, type DecisionHeaderField } from "@/lib/validation/decision";
import { EditableField, Section, SelectField } from "./field-controls";
import type { useAutosave } from "./use-autosave";
import { useVersionedRows, type Validate } from "./use-versioned-rows";

type Saved = { title: string; context: string; teamId: string | null } & Record<string, unknown>;

const validate: Validate<Saved> = (_saved, field, text) => {
  const r = decisionHeaderFields[field as DecisionHeaderField].safeParse(text);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues[0]?.message ?? "invalid" };
};

export function HeaderEditor({
  decision,
  teams,
  autosave,
}: {
  decision: SetupDecision;
  teams: TeamOption[];
  autosave: ReturnType<typeof useAutosave>;
}) {
  const t = useTranslations("setup.header");
  const rowsApi = useVersionedRows<Saved>({
    initial: [
      {
        id: decision.id,
        version: decision.version,
        saved: { title: decision.title, context: decision.context, teamId: decision.teamId },
      },
    ],
    autosave,
    validate,
    save: (row, field, text, base) =>
      updateDecisionFieldAction({
        decisionId: row.id,
        version: row.version,
        field: field as DecisionHeaderField,
        base: base === null ? null : String(base),
        value: text,
      }),
  });
  const id = decision.id;
  const teamName = (teamId: unknown) => teams.find((x) => x.id === teamId)?.name ?? t("noTeam");
  return (
    <Section title={t("title")} id="header-heading">
      <EditableField
        label={t("decisionTitle")}
        value={rowsApi.text(id, "title")}
        onChange={(v) => rowsApi.edit(id, "title", v)}
        onBlur={() => rowsApi.blur(id, "title")}
        error={rowsApi.error(id, "title")}
        conflict={rowsApi.conflict(id, "title")}
        onResolve={(c) => rowsApi.resolve(id, "title", c)}
      />
      <EditableField
        label={t("context")}
        hint={t("contextHint")}
        multiline
        value={rowsApi.text(id, "context")}
        onChange={(v) => rowsApi.edit(id, "context", v)}
        onBlur={() => rowsApi.blur(id, "context")}
        error={rowsApi.error(id, "context")}
        conflict={rowsApi.conflict(id, "context")}
        onResolve={(c) => rowsApi.resolve(id, "context", c)}
      />
      <SelectField
        label={t("team")}
        value={rowsApi.text(id, "teamId")}
        onChange={(v) => rowsApi.edit(id, "teamId", v, { immediate: true })}
        options={[{ value: "", label: t("noTeam") }, ...teams.map((x) => ({ value: x.id, label: x.name }))]}
        error={rowsApi.error(id, "teamId")}
        conflict={
          rowsApi.conflict(id, "teamId")
            ? {
                ...rowsApi.conflict(id, "teamId")!,
                theirs: teamName(rowsApi.conflict(id, "teamId")!.theirs),
                mine: teamName(rowsApi.conflict(id, "teamId")!.mine),
              }
            : undefined
        }
        onResolve={(c) => rowsApi.resolve(id, "teamId", c)}
      />
    </Section>
  );
}
