"use client";
// Upload → preview (nothing written) → confirm. The file stays in the form; confirm sends it again with the
// preview's fingerprint, so the server writes exactly what was previewed or reports that the target changed.
import { useActionState, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { confirmImportAction, previewImportAction, type ImportPreview } from "@/lib/actions/imports";
import type { ActionState } from "@/lib/errors/action-result";
import { FILE_TOO_LARGE, IMPORT_MAX_BYTES, formatMegabytes, type ImportIssue } from "@/lib/validation/import";

/** A failed action as the preview it replaces: the domain error's code, and its issues when it lists any. */
function asPreview(state: ActionState<ImportPreview>): ImportPreview | null {
  if (state === null) return null;
  if (state.ok) return state.data ?? null;
  return { ok: false, error: state.error, issues: issuesOf(state.details), warnings: [] };
}

// The server sends import issues in `details` only for "importRejected"; anything else has none.
function issuesOf(details: unknown): ImportIssue[] {
  return Array.isArray(details) ? details.filter((i): i is ImportIssue => typeof i?.key === "string") : [];
}

export interface ImportDecisionOption {
  id: string;
  title: string;
}

export function ImportForm({ decisions, into }: { decisions: ImportDecisionOption[]; into: string | null }) {
  const t = useTranslations("report.import");
  const [previewState, previewAction, previewing] = useActionState(previewImportAction, null);
  const preview = asPreview(previewState);
  const [override, setOverride] = useState<ImportPreview | null>(null);
  const [mode, setMode] = useState<"new" | "existing">(into ? "existing" : "new");
  const [done, setDone] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<{ error: string; issues?: ImportIssue[] } | null>(null);
  const [saving, startSaving] = useTransition();
  const tt = useTranslations("report.table");
  // React resets a form after its action runs (the file input empties), so confirm re-sends the previewed data.
  const lastData = useRef<FormData | null>(null);
  const shown = override ?? preview;

  const confirm = () => {
    if (!lastData.current || !shown?.ok) return;
    const data = new FormData();
    for (const [k, v] of lastData.current) data.append(k, v);
    if (shown.kind === "matrix") data.set("fingerprint", shown.plan.fingerprint);
    startSaving(async () => {
      const r = await confirmImportAction(null, data);
      if (!r) return;
      if (r.ok) {
        setDone(r.data!.decisionId);
        setConfirmError(null);
      } else {
        setConfirmError({ error: r.error, issues: issuesOf(r.details) });
        // The target changed since the preview: show the plan as it is now (`current`) and ask again.
        if (r.error === "stale" && shown.kind === "matrix" && r.current)
          setOverride({ ...shown, plan: r.current as typeof shown.plan });
      }
    });
  };

  const issueText = (i: ImportIssue) => {
    const where =
      i.row && i.column
        ? t("location", { row: i.row, column: i.column })
        : i.row
          ? t("rowLocation", { row: i.row })
          : i.path
            ? t("pathLocation", { path: i.path })
            : "";
    // Keys come from the server's fixed list; params are plain values.
    const msg = t(`errors.${i.key}` as "errors.invalid", (i.params ?? {}) as Record<string, string>);
    return where ? `${where}: ${msg}` : msg;
  };

  return (
    <div className="import">
      <form
        action={(fd) => {
          lastData.current = fd;
          setOverride(null);
          setDone(null);
          setConfirmError(null);
          // Same limit and message as the server; a file this large is not sent at all.
          const file = fd.get("file");
          if (file instanceof File && file.size > IMPORT_MAX_BYTES)
            setOverride({ ok: false, issues: [FILE_TOO_LARGE], warnings: [] });
          else previewAction(fd);
        }}
        className="import-form"
      >
        <p className="report-note">{t("format")}</p>
        <label className="field">
          {t("file", { size: formatMegabytes(IMPORT_MAX_BYTES) })}
          <input type="file" name="file" accept=".csv,.xlsx,.json,text/csv,application/json" required />
        </label>
        <fieldset>
          <legend>{t("target")}</legend>
          <label>
            <input type="radio" name="mode" value="new" checked={mode === "new"} onChange={() => setMode("new")} />{" "}
            {t("targetNew")}
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              value="existing"
              checked={mode === "existing"}
              onChange={() => setMode("existing")}
              disabled={decisions.length === 0}
            />{" "}
            {t("targetExisting")}
          </label>
          {mode === "new" ? (
            <label className="field">
              {t("title_")}
              <input type="text" name="title" maxLength={200} />
            </label>
          ) : (
            <label className="field">
              {t("decision")}
              <select name="decisionId" defaultValue={into ?? decisions[0]?.id}>
                {decisions.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
        <button type="submit" disabled={previewing}>
          {t("preview")}
        </button>
      </form>

      <div aria-live="polite">
        {previewing ? <p>{t("working")}</p> : null}
        {saving ? <p>{t("saving")}</p> : null}
        {done ? (
          <p className="import-done" role="status">
            {t("done")} <Link href={`/decisions/${done}`}>{t("open")}</Link>
          </p>
        ) : null}
      </div>

      {confirmError ? (
        <div role="alert" className="import-errors">
          <p>
            {confirmError.error === "stale"
              ? t("stale")
              : confirmError.error === "decisionLocked"
                ? t("locked")
                : confirmError.error === "forbidden"
                  ? t("notAllowed")
                  : confirmError.error === "throttled"
                    ? t("tooMany")
                    : t("errorsTitle")}
          </p>
          {confirmError.issues?.length ? (
            <ul>
              {confirmError.issues.map((i, k) => (
                <li key={k}>{issueText(i)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {shown && !done ? (
        shown.ok ? (
          <section className="import-preview" aria-labelledby="import-preview-title">
            <h2 id="import-preview-title">{t("preview")}</h2>
            {shown.kind === "matrix" ? (
              <>
                <p>
                  <strong>{shown.plan.title}</strong>:{" "}
                  {t("summary", {
                    criteria: shown.plan.criteria,
                    candidates: shown.plan.candidates,
                    scores: shown.plan.scores,
                  })}
                </p>
                {shown.plan.mode === "existing" && shown.plan.newCriteria.length ? (
                  <p>{t("newCriteria", { names: shown.plan.newCriteria.join(", ") })}</p>
                ) : null}
                {shown.plan.mode === "existing" && shown.plan.newCandidates.length ? (
                  <p>{t("newCandidates", { names: shown.plan.newCandidates.join(", ") })}</p>
                ) : null}
                {shown.plan.weightChanges.length ? (
                  <p>
                    {t("weightChanges", {
                      changes: shown.plan.weightChanges.map((w) => `${w.name} ${w.from} → ${w.to}`).join(", "),
                    })}
                  </p>
                ) : null}
                {shown.plan.replacedScores ? <p>{t("replacedScores", { count: shown.plan.replacedScores })}</p> : null}
                <table className="report-table" data-testid="import-preview-table">
                  <caption>{t("previewTable")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tt("criterion")}</th>
                      <th scope="col" className="num">
                        {tt("weight")}
                      </th>
                      {shown.matrix.candidates.map((c) => (
                        <th scope="col" className="num" key={c}>
                          {c}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {shown.matrix.criteria.map((c) => (
                      <tr key={c.name}>
                        <th scope="row">{c.name}</th>
                        <td className="num">{c.weight}</td>
                        {c.values.map((v, i) => (
                          <td className="num" key={i}>
                            {v ?? ""}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : (
              <p>
                <strong>{shown.plan.title}</strong>:{" "}
                {t("summary", {
                  criteria: shown.plan.criteria,
                  candidates: shown.plan.candidates,
                  scores: shown.plan.scores,
                })}
              </p>
            )}
            <Warnings warnings={shown.kind === "json" ? shown.plan.warnings : shown.warnings} />
            <button type="button" onClick={confirm} disabled={saving}>
              {t("confirm")}
            </button>
          </section>
        ) : (
          <div role="alert" className="import-errors" data-testid="import-errors">
            <p>
              {shown.error === "forbidden"
                ? t("notAllowed")
                : shown.error === "throttled"
                  ? t("tooMany")
                  : shown.error === "decisionLocked"
                    ? t("locked")
                    : t("errorsTitle")}
            </p>
            <ul>
              {shown.issues.map((i, k) => (
                <li key={k}>{issueText(i)}</li>
              ))}
            </ul>
            <Warnings warnings={shown.warnings} />
          </div>
        )
      ) : null}
    </div>
  );

  function Warnings({ warnings }: { warnings: ImportIssue[] }) {
    if (!warnings.length) return null;
    return (
      <>
        <p>{t("warningsTitle")}</p>
        <ul>
          {warnings.map((w, k) => (
            <li key={k}>{t(`warnings.${w.key}` as "warnings.emptyCells", (w.params ?? {}) as { count: number })}</li>
          ))}
        </ul>
      </>
    );
  }
}
