"use client";
// Candidates of a decision: name, link (http/https only), description; add, reorder, remove with undo.
import { useTranslations } from "next-intl";
import {
  addCandidateAction,
  removeCandidateAction,
  reorderCandidatesAction,
  restoreCandidateAction,
  updateCandidateFieldAction,
} from "@/lib/actions/candidates";
import type { CandidateDto } from "@/lib/decisions/dto";
import { parseCandidateField, type CandidateField } from "@/lib/validation/candidate";
import { AddRow } from "./criteria-editor";
import { EditableField, Section } from "./field-controls";
import { ListMessage, RowButtons, UndoBar } from "./row-parts";
import type { useAutosave } from "./use-autosave";
import { useRowList } from "./use-row-list";
import { useVersionedRows, type Validate, type VersionedRow } from "./use-versioned-rows";

type Saved = { name: string; description: string; link: string } & Record<string, unknown>;

const toRow = (c: CandidateDto): VersionedRow<Saved> => ({
  id: c.id,
  version: c.version,
  saved: { name: c.name, description: c.description, link: c.link },
});

const validate: Validate<Saved> = (_saved, field, text) => parseCandidateField(field as CandidateField, text);

export function CandidatesEditor({
  decisionId,
  candidates,
  autosave,
}: {
  decisionId: string;
  candidates: CandidateDto[];
  autosave: ReturnType<typeof useAutosave>;
}) {
  const t = useTranslations("setup.candidates");
  const rowsApi = useVersionedRows<Saved>({
    initial: candidates.map(toRow),
    autosave,
    validate,
    save: (row, field, text, base) =>
      updateCandidateFieldAction({
        candidateId: row.id,
        version: row.version,
        field: field as CandidateField,
        base: base === null ? null : String(base),
        value: text,
      }),
  });
  const { rows } = rowsApi;
  const list = useRowList<Saved>({
    decisionId,
    rows,
    setRows: rowsApi.setRows,
    reorder: reorderCandidatesAction,
    remove: removeCandidateAction,
    restore: restoreCandidateAction as never,
    toRow: toRow as never,
    track: autosave.start,
  });
  const field = (
    r: VersionedRow<Saved>,
    name: CandidateField,
    label: string,
    extra: Partial<Parameters<typeof EditableField>[0]> = {},
  ) => (
    <EditableField
      label={label}
      value={rowsApi.text(r.id, name)}
      onChange={(v) => rowsApi.edit(r.id, name, v)}
      onBlur={() => rowsApi.blur(r.id, name)}
      error={rowsApi.error(r.id, name)}
      conflict={rowsApi.conflict(r.id, name)}
      onResolve={(c) => rowsApi.resolve(r.id, name, c)}
      {...extra}
    />
  );
  return (
    <Section title={t("title")} id="candidates-heading">
      <ol className="setup-rows" data-testid="candidates-editor">
        {rows.map((r, i) => (
          <li
            key={r.id}
            className="setup-row"
            data-testid="candidate-row"
            onKeyDown={list.keyMove(i)}
            {...list.dragProps(i)}
          >
            <div className="setup-row-main">
              <span className="drag-handle" {...list.handleProps(r.id)} title={t("dragHint")} aria-hidden="true">
                ⠿
              </span>
              {field(r, "name", t("name"), { className: "grow" })}
              {field(r, "link", t("link"), { inputMode: "url", className: "grow", hint: t("linkHint") })}
              <RowButtons
                name={r.saved.name}
                index={i}
                count={rows.length}
                onMove={list.move}
                onRemove={() => list.remove(r.id)}
                disabled={list.busy}
              />
            </div>
            {field(r, "description", t("description"), { multiline: true })}
          </li>
        ))}
      </ol>
      {rows.length === 0 ? <p className="empty-state">{t("empty")}</p> : null}
      <UndoBar removed={list.removed} onUndo={list.undo} onDismiss={list.dismissUndo} busy={list.busy} />
      <ListMessage message={list.message} />
      <AddRow
        label={t("newName")}
        button={t("add")}
        onAdd={async (name) => {
          const result = await addCandidateAction({ decisionId, name });
          if (result.ok && result.data) rowsApi.setRows((all) => [...all, toRow(result.data!)]);
          return result.ok ? null : (result.fieldErrors?.name ?? result.error);
        }}
        validate={(name) => {
          const p = parseCandidateField("name", name);
          return p.ok ? null : p.error;
        }}
        testId="add-candidate"
      />
    </Section>
  );
}
