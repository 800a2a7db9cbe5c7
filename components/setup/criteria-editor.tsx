"use client";
// Criteria of a decision: name and weight up front with the live share of the total weight, the rest (kind,
// direction, scale or unit and references, must-have, meanings, the group it sits in) in a disclosure. The list shows
// the criteria tree depth first; shares come from the scoring engine's listShares (local among siblings, global of
// the goal), so they match the results tab exactly.
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Fragment, useState } from "react";
import {
  addCriterionAction,
  removeCriterionAction,
  reorderCriteriaAction,
  restoreCriterionAction,
  setCriterionParentAction,
  updateCriterionFieldAction,
} from "@/lib/actions/criteria";
import type { CriterionDto } from "@/lib/decisions/dto";
import { buildTree, listShares, moveAmongSiblings, possibleParents, siblingsOf, treeOrder } from "@/lib/scoring";
import {
  checkCriterionRow,
  CRITERION_FIELDS,
  CRITERION_KINDS,
  DIRECTIONS,
  parseCriterionField,
  type CriterionField,
  type CriterionValues,
} from "@/lib/validation/criterion";
import { formatShare } from "@/components/decisions/number-format";
import { CheckField, EditableField, Section, SelectField, useSetupErrorText } from "./field-controls";
import { ListMessage, RowButtons, UndoBar } from "./row-parts";
import type { useAutosave } from "./use-autosave";
import { useRowList } from "./use-row-list";
import { useVersionedRows, type Validate, type VersionedRow } from "./use-versioned-rows";
import { ValueCurveEditor, type CurveFact } from "./value-curve-editor";

type Saved = CriterionValues & Record<string, unknown>;

/**
 * Fields this editor lays out itself. Any other criterion field gets a text box at the end of the details, labelled
 * by the `setup.criteria.<field>` message, so a new column is editable without changing this file.
 */
const PLACED = new Set<CriterionField>([
  "name",
  "weight",
  "kind",
  "direction",
  "scaleMin",
  "scaleMax",
  "unit",
  "worst",
  "best",
  "valueCurve",
  "autoReferences",
  "pairwise",
  "threshold",
  "currency",
  "description",
  "lowMeaning",
  "highMeaning",
]);
const OTHER_FIELDS = CRITERION_FIELDS.filter((f) => !PLACED.has(f));

const toRow = (c: CriterionDto): VersionedRow<Saved> => {
  const { id, version, position: _p, ...saved } = c;
  return { id, version, saved: saved as Saved };
};

const parentOf = (r: VersionedRow<Saved>): string | null =>
  typeof r.saved.parentId === "string" ? r.saved.parentId : null;

const validate: Validate<Saved> = (saved, field, text) => {
  const parsed = parseCriterionField(field as CriterionField, text);
  if (!parsed.ok) return parsed;
  const rowError = checkCriterionRow({ ...saved, [field]: parsed.value } as CriterionValues, field as CriterionField);
  return rowError ? { ok: false, error: rowError } : parsed;
};

export function CriteriaEditor({
  decisionId,
  criteria,
  autosave,
  facts = [],
}: {
  decisionId: string;
  criteria: CriterionDto[];
  autosave: ReturnType<typeof useAutosave>;
  /** Measured values per criterion id, with the candidate's name, for the value-curve chart. */
  facts?: { criterionId: string; name: string; value: number }[];
}) {
  const t = useTranslations("setup.criteria");
  const tk = useTranslations("decisions.criteria");
  const format = useFormatter();
  const rowsApi = useVersionedRows<Saved>({
    initial: criteria.map(toRow),
    autosave,
    validate,
    save: (row, field, text, base) =>
      updateCriterionFieldAction({
        criterionId: row.id,
        version: row.version,
        field: field as CriterionField,
        base,
        value: text,
      }),
  });
  const { rows } = rowsApi;
  const list = useRowList<Saved>({
    decisionId,
    rows,
    setRows: rowsApi.setRows,
    reorder: reorderCriteriaAction,
    remove: removeCriterionAction,
    restore: restoreCriterionAction as never,
    toRow: toRow as never,
    track: autosave.start,
  });

  const weights = rows.map((r) => Number(rowsApi.live(r.id, "weight") ?? 0));
  const split = listShares(rows.map((r, i) => ({ id: r.id, parentId: parentOf(r), weight: weights[i] })));
  // Built on its own: with no criteria yet (a blank decision) or every weight 0 there are no shares, but a tree.
  const tree = split?.tree ?? buildTree(rows.map((r) => ({ id: r.id, parentId: parentOf(r) })));
  const shares = split?.global ?? null;
  // With weight at the top level, nothing to share means a weighted group whose sub-criteria all weigh 0.
  const zeroSet =
    split === null && !tree.flat && tree.sets[0].members.some((i) => weights[i] > 0)
      ? tree.sets.slice(1).find((set) => set.members.every((i) => !(weights[i] > 0)))
      : undefined;
  const zeroGroup = zeroSet && rows.find((x) => x.id === zeroSet.parentId)?.saved.name;
  const [parentErrors, setParentErrors] = useState<Record<string, string>>({});

  // Up and down move a criterion past its previous or next sibling, its sub-criteria with it.
  const moveSibling = (i: number, step: -1 | 1) => {
    const next = moveAmongSiblings(tree, i, step);
    if (!next) return;
    const siblings = siblingsOf(tree, i);
    void list.reorderTo(
      next.map((k) => rows[k]),
      rows[i],
      siblings.indexOf(i) + step + 1,
      siblings.length,
    );
  };

  const moveUnder = async (r: VersionedRow<Saved>, parentId: string | null) => {
    await autosave.start(`parent:${r.id}`, async () => {
      const result = await setCriterionParentAction({ criterionId: r.id, version: r.version, parentId });
      if (result.ok && result.data) {
        const dto = result.data;
        rowsApi.setRows((all) =>
          all.map((x) =>
            x.id === dto.id ? { ...x, version: dto.version, saved: { ...x.saved, parentId: dto.parentId } } : x,
          ),
        );
        setParentErrors(({ [r.id]: _gone, ...rest }) => rest);
      } else {
        const error = !result.ok ? (result.fieldErrors?.parentId ?? result.error) : "invalid";
        setParentErrors((all) => ({ ...all, [r.id]: error === "stale" ? "parentStale" : error }));
      }
      return true;
    });
  };

  const field = (
    r: VersionedRow<Saved>,
    name: CriterionField,
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
    <Section title={t("title")} id="criteria-heading">
      <p className="hint">{tree.flat ? t("hint") : t("hintTree")}</p>
      {shares === null && rows.length > 0 ? (
        <p className="callout callout-error">{zeroGroup ? t("groupZero", { group: zeroGroup }) : t("allZero")}</p>
      ) : null}
      <ol className="setup-rows" data-testid="criteria-editor">
        {treeOrder(tree).map((i) => {
          const r = rows[i];
          const kind = String(rowsApi.live(r.id, "kind"));
          const pairwise = rowsApi.live(r.id, "pairwise") === true;
          const share = shares?.[i] ?? null;
          const node = tree.nodes[i];
          const parent = node.parentId === null ? null : rows.find((x) => x.id === node.parentId);
          const group = node.children.length > 0;
          const siblings = siblingsOf(tree, i);
          const parentField = (
            <SelectField
              label={t("parent")}
              value={parentOf(r) ?? ""}
              onChange={(v) => void moveUnder(r, v === "" ? null : v)}
              options={[
                { value: "", label: t("parentNone") },
                ...possibleParents(tree, i).map((k) => ({ value: rows[k].id, label: rows[k].saved.name })),
              ]}
              error={parentErrors[r.id]}
            />
          );
          return (
            <li
              key={r.id}
              className={group ? "setup-row setup-group" : "setup-row"}
              data-testid="criterion-row"
              data-depth={node.depth}
              style={{ "--depth": node.depth - 1 } as React.CSSProperties}
              onKeyDown={(e) => {
                if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
                e.preventDefault();
                moveSibling(i, e.key === "ArrowUp" ? -1 : 1);
              }}
              {...(tree.flat ? list.dragProps(i) : {})}
            >
              <div className="setup-row-main">
                {tree.flat ? (
                  <span className="drag-handle" {...list.handleProps(r.id)} title={t("dragHint")} aria-hidden="true">
                    ⠿
                  </span>
                ) : null}
                {field(r, "name", t("name"), { className: "grow" })}
                {field(r, "weight", t("weight"), { inputMode: "decimal", className: "narrow" })}
                <div className="share-cell" data-testid="share">
                  <span className="share-label">{t("share")}</span>
                  <span className="share-value">{share === null ? "—" : formatShare(format, share)}</span>
                  <span className="share-bar" aria-hidden="true">
                    <span style={{ width: `${((share ?? 0) * 100).toFixed(1)}%` }} />
                  </span>
                  {parent && split ? (
                    <span className="share-local" data-testid="local-share">
                      {t("localShare", { share: formatShare(format, split.local[i]), group: parent.saved.name })}
                    </span>
                  ) : null}
                </div>
                <RowButtons
                  name={r.saved.name}
                  index={siblings.indexOf(i)}
                  count={siblings.length}
                  onMove={(from, to) => moveSibling(i, to < from ? -1 : 1)}
                  onRemove={() => list.remove(r.id)}
                  disabled={list.busy}
                />
              </div>
              {group ? (
                <p className="hint group-hint" data-testid="group-hint">
                  {t("groupHint", { count: node.children.length })}
                </p>
              ) : null}
              <details className="setup-details">
                <summary>{t("details", { name: r.saved.name })}</summary>
                {group ? (
                  <div className="setup-grid">{parentField}</div>
                ) : (
                  <div className="setup-grid">
                    {parentField}
                    <SelectField
                      label={t("kind")}
                      value={rowsApi.text(r.id, "kind")}
                      onChange={(v) => rowsApi.edit(r.id, "kind", v, { immediate: true })}
                      options={CRITERION_KINDS.map((k) => ({ value: k, label: tk(`kinds.${k}`) }))}
                      error={rowsApi.error(r.id, "kind")}
                      conflict={rowsApi.conflict(r.id, "kind")}
                      onResolve={(c) => rowsApi.resolve(r.id, "kind", c)}
                    />
                    {kind === "RATING" ? (
                      <CheckField
                        testId="pairwise-field"
                        label={t("pairwise")}
                        checked={pairwise}
                        onChange={(on) => rowsApi.edit(r.id, "pairwise", String(on), { immediate: true })}
                        hint={pairwise ? t("pairwiseOn") : t("pairwiseOff")}
                        error={rowsApi.error(r.id, "pairwise")}
                        conflict={rowsApi.conflict(r.id, "pairwise")}
                        onResolve={(c) => rowsApi.resolve(r.id, "pairwise", c)}
                      >
                        {pairwise ? (
                          <Link href={`/decisions/${decisionId}/ahp?criterion=${r.id}`} data-testid="pairwise-open">
                            {t("pairwiseOpen")}
                          </Link>
                        ) : null}
                      </CheckField>
                    ) : null}
                    {pairwise && kind === "RATING" ? null : (
                      <SelectField
                        label={t("direction")}
                        value={rowsApi.text(r.id, "direction")}
                        onChange={(v) => rowsApi.edit(r.id, "direction", v, { immediate: true })}
                        options={DIRECTIONS.map((d) => ({ value: d, label: tk(`directions.${d}`) }))}
                        error={rowsApi.error(r.id, "direction")}
                        conflict={rowsApi.conflict(r.id, "direction")}
                        onResolve={(c) => rowsApi.resolve(r.id, "direction", c)}
                      />
                    )}
                    {kind === "RATING" && !pairwise ? (
                      <>
                        {field(r, "scaleMin", t("scaleMin"), { inputMode: "decimal", hint: t("scaleHint") })}
                        {field(r, "scaleMax", t("scaleMax"), { inputMode: "decimal" })}
                      </>
                    ) : null}
                    {kind === "METRIC" ? (
                      <>
                        {field(r, "unit", t("unit"))}
                        {field(r, "worst", t("worst"), { inputMode: "decimal", hint: t("referenceHint") })}
                        {field(r, "best", t("best"), { inputMode: "decimal" })}
                        {field(r, "currency", t("currency"), { hint: t("currencyHint") })}
                        <ValueCurveEditor
                          direction={rowsApi.live(r.id, "direction") === "COST" ? "COST" : "BENEFIT"}
                          unit={(rowsApi.live(r.id, "unit") as string | null) ?? null}
                          worst={numberOrNull(rowsApi.live(r.id, "worst"))}
                          best={numberOrNull(rowsApi.live(r.id, "best"))}
                          curveText={String(rowsApi.live(r.id, "valueCurve") ?? "")}
                          autoReferences={rowsApi.live(r.id, "autoReferences") === true}
                          facts={facts.filter((x) => x.criterionId === r.id) satisfies CurveFact[]}
                          error={rowsApi.error(r.id, "valueCurve") ?? rowsApi.error(r.id, "autoReferences")}
                          conflict={rowsApi.conflict(r.id, "valueCurve")}
                          onResolve={(c) => rowsApi.resolve(r.id, "valueCurve", c)}
                          onCurve={(text) => rowsApi.edit(r.id, "valueCurve", text, { immediate: true })}
                          onAutoReferences={(on) =>
                            rowsApi.edit(r.id, "autoReferences", String(on), { immediate: true })
                          }
                        />
                      </>
                    ) : null}
                    {kind === "SKILL_MATCH" ? <p className="hint">{t("skillMatchHint")}</p> : null}
                    {field(r, "threshold", t("threshold"), { inputMode: "decimal", hint: t("thresholdHint") })}
                  </div>
                )}
                {field(r, "description", t("description"), { multiline: true })}
                <div className="setup-grid two">
                  {field(r, "lowMeaning", t("lowMeaning"), { hint: t("meaningHint") })}
                  {field(r, "highMeaning", t("highMeaning"))}
                </div>
                {OTHER_FIELDS.map((f) => (
                  <Fragment key={f}>{field(r, f, t(f))}</Fragment>
                ))}
              </details>
            </li>
          );
        })}
      </ol>
      {rows.length === 0 ? <p className="empty-state">{t("empty")}</p> : null}
      <UndoBar removed={list.removed} onUndo={list.undo} onDismiss={list.dismissUndo} busy={list.busy} />
      <ListMessage message={list.message} />
      <AddRow
        label={t("newName")}
        button={t("add")}
        onAdd={async (name) => {
          const result = await addCriterionAction({ decisionId, name });
          if (result.ok && result.data) rowsApi.setRows((all) => [...all, toRow(result.data!)]);
          return result.ok ? null : (result.fieldErrors?.name ?? result.error);
        }}
        validate={(name) => {
          const p = parseCriterionField("name", name);
          return p.ok ? null : p.error;
        }}
        testId="add-criterion"
      />
    </Section>
  );
}

const numberOrNull = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** "New …" input and button; Enter adds. */
export function AddRow(props: {
  label: string;
  button: string;
  onAdd: (name: string) => Promise<string | null>;
  validate: (name: string) => string | null;
  testId: string;
}) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorText = useSetupErrorText();
  const submit = async () => {
    const problem = props.validate(name);
    if (problem) {
      setError(problem);
      return;
    }
    setPending(true);
    const failure = await props.onAdd(name.trim());
    setPending(false);
    setError(failure);
    if (!failure) setName("");
  };
  const id = `${props.testId}-input`;
  return (
    <div className="add-row" data-testid={props.testId}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            void submit();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="button" onClick={() => void submit()} disabled={pending}>
        {props.button}
      </button>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {errorText(error)}
        </p>
      ) : null}
    </div>
  );
}
