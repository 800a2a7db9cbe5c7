"use client";
// Pasting a block from a spreadsheet into the matrix: read in the browser (problems at once, nothing sent), then one
// all-or-nothing server call. Also a text box for the same thing where a clipboard paste into the grid is awkward
// (a phone, a screen reader).
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { pasteMatrixAction } from "@/lib/actions/matrix";
import { isWeightHeader, readPasteText } from "@/lib/matrix/paste-block";
import { parseTsv } from "@/lib/matrix/tsv";
import type { PasteOutcome, PasteStaleCell } from "@/lib/server/matrix";
import type { PasteProblem } from "@/lib/validation/matrix";
import { cellName } from "./cell-rules";

export interface PlacedProblem {
  /** The block's cell, as the spreadsheet named it (B3). */
  cell: string;
  key: string;
  params?: Record<string, number | string>;
  /** The criterion and candidate names of that cell, where it has them. */
  where: string;
}

export type PasteReport =
  | { kind: "done"; outcome: PasteOutcome }
  | { kind: "invalid"; problems: PlacedProblem[] }
  | { kind: "stale"; cells: PasteStaleCell[] }
  | { kind: "failed"; error: string };

export function usePaste(opts: {
  decisionId: string;
  basis: () => { criteria: Record<string, number>; scores: Record<string, number>; facts: Record<string, number> };
  /** A paste that went through, for the undo history (one step). */
  onDone?: (outcome: PasteOutcome) => void;
}) {
  const [report, setReport] = useState<PasteReport | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (text: string): Promise<boolean> => {
    const grid = parseTsv(text);
    const read = readPasteText(text);
    if (!read.ok) {
      setReport({
        kind: "invalid",
        problems: read.issues.map((i) => ({
          cell: cellName(i.row, i.col),
          key: i.key,
          where: [grid[i.row - 1]?.[0], grid[0]?.[i.col - 1]].filter((s) => s && s.trim()).join(" · "),
        })),
      });
      return false;
    }
    const { block } = read;
    const first = isWeightHeader(grid[0]?.[1] ?? "") ? 2 : 1;
    setBusy(true);
    try {
      const r = await pasteMatrixAction({ decisionId: opts.decisionId, ...block, basis: opts.basis() });
      if (r.ok && r.data) {
        opts.onDone?.(r.data);
        setReport({ kind: "done", outcome: r.data });
        return true;
      }
      if (!r.ok && r.error === "pasteInvalid") {
        const problems = ((r as { details?: PasteProblem[] }).details ?? []).map((p) => {
          const row = p.criterion === null ? 1 : p.criterion + 2;
          const col =
            p.field === "name" && p.candidate === null ? 1 : p.field === "weight" ? 2 : first + (p.candidate ?? 0) + 1;
          const crit = p.criterion === null ? null : block.criteria[p.criterion]?.name;
          const cand = p.candidate === null ? null : block.candidates[p.candidate];
          return {
            cell: cellName(row, col),
            key: p.key,
            params: p.params,
            where: [crit, cand].filter(Boolean).join(" · "),
          };
        });
        setReport({ kind: "invalid", problems });
        return false;
      }
      if (!r.ok && r.error === "stale") {
        setReport({ kind: "stale", cells: ((r.current as { cells?: PasteStaleCell[] }) ?? {}).cells ?? [] });
        return false;
      }
      if (!r.ok && r.error === "invalidInput") {
        const key = Object.values(r.fieldErrors ?? {})[0] ?? "invalidInput";
        setReport({ kind: "invalid", problems: [{ cell: cellName(1, 1), key, where: "" }] });
        return false;
      }
      setReport({ kind: "failed", error: r.ok ? "unknown" : r.error });
      return false;
    } catch {
      setReport({ kind: "failed", error: "network" });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { report, busy, submit, clear: () => setReport(null) };
}

/** The text-box way to paste a block (same reading, same single call). */
export function PasteBox({ onSubmit, busy }: { onSubmit: (text: string) => Promise<boolean>; busy: boolean }) {
  const t = useTranslations("matrix.pasteBox");
  const id = useId();
  const [text, setText] = useState("");
  return (
    <details className="mx-paste-box">
      <summary>{t("summary")}</summary>
      <p className="hint" id={`${id}-hint`}>
        {t("hint")}
      </p>
      <label htmlFor={id}>{t("label")}</label>
      <textarea
        id={id}
        rows={6}
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      <button
        type="button"
        disabled={busy || text.trim() === ""}
        onClick={async () => {
          if (await onSubmit(text)) setText("");
        }}
      >
        {t("submit")}
      </button>
    </details>
  );
}
