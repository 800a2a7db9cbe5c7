// The decision as a Markdown Architectural Decision Record in MADR layout (https://adr.github.io/madr/): status and
// deciders, context and problem statement, decision drivers, considered options, decision outcome, pros and cons
// per option (from the score rationales), the score table and the confidence statement. User text is escaped so a
// name cannot inject Markdown structure or raw HTML into the repository's rendered docs.
import type { Locale } from "@/lib/i18n/config";
import { safeHref } from "@/lib/validation/url";
import { cellOf, namesOf, type ReportBundle } from "./bundle";
import { formatters, pointsText, reportTranslator } from "./i18n";
import {
  criterionMeaning,
  outcomeLine,
  rankingNotes,
  scoringErrorLine,
  stabilitySentences,
  verdictSentences,
  methodLine,
} from "./report-text";

/** Inline text: no HTML, no emphasis/heading/list/link syntax at line start, no line breaks. */
export function mdInline(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/^([-=])/, "\\$1")
    .replace(/^(\d+)\./, "$1\\.");
}

/** A paragraph block: lines kept, each escaped. */
export function mdBlock(s: string): string {
  return s
    .split(/\r?\n/)
    .map((l) => mdInline(l))
    .join("  \n");
}

/** Points at or above this are a "good, because"; at or below BAD_AT a "bad, because". */
const GOOD_AT = 7;
const BAD_AT = 4;

export function decisionMarkdown(b: ReportBundle, locale: Locale): string {
  const t = reportTranslator(locale);
  const f = formatters(locale);
  const n = namesOf(b);
  const d = b.decision;
  const r = b.result;
  const out: string[] = [];
  const share = (id: string) => r?.weights.find((w) => w.criterionId === id)?.share ?? null;

  out.push(`# ${mdInline(d.title)}`, "");
  out.push(`* ${t("adr.statusLine", { status: t(`status.${d.status}`) })}`);
  out.push(
    `* ${t("adr.deciders", { names: b.evaluators.length ? b.evaluators.map((e) => mdInline(e.name)).join(", ") : "–" })}`,
  );
  out.push(`* ${t("adr.dateLine", { date: f.day(b.decidedAt ?? d.updatedAt) })}`);
  if (b.teamName) out.push(`* ${t("team", { team: mdInline(b.teamName) })}`);
  out.push("");

  out.push(`## ${t("sections.context")}`, "", d.context.trim() ? mdBlock(d.context) : t("noContext"), "");

  out.push(`## ${t("sections.criteria")}`, "", t("adr.drivers"), "");
  for (const c of d.criteria) {
    const s = share(c.id);
    const meaning = criterionMeaning(c, t, f).map(mdInline).join(" · ");
    out.push(
      `* **${mdInline(c.name)}**: ${t("table.weight")} ${f.raw(c.weight)}${s === null ? "" : ` (${f.share(s)})`} · ${t(`kinds.${c.kind}`)} · ${t(`directions.${c.direction}`)}${meaning ? ` · ${meaning}` : ""}`,
    );
  }
  out.push("");

  out.push(`## ${t("sections.options")}`, "");
  for (const c of d.candidates) out.push(`* ${mdInline(c.name)}${c.description ? `: ${mdInline(c.description)}` : ""}`);
  out.push("");

  out.push(`## ${t("sections.outcome")}`, "");
  const err = scoringErrorLine(b, t);
  if (err) out.push(mdInline(err), "");
  const focus = d.chosenCandidateId ?? r?.winnerId ?? null;
  if (focus && r) {
    const total = r.ranking.find((x) => x.candidateId === focus)?.total;
    const reason = total === undefined ? "" : t("adr.reasonTotal", { total: pointsText(total) });
    out.push(
      t(d.chosenCandidateId ? "adr.chosenOption" : "adr.leadingOption", {
        candidate: mdInline(n.candidate(focus)),
        reason,
      }),
      "",
    );
  } else out.push(outcomeLine(b, t), "");
  if (d.outcomeRationale.trim()) out.push(`**${t("outcome.rationale")}:** ${mdBlock(d.outcomeRationale)}`, "");

  if (r) {
    out.push(`### ${t("sections.confidence")}`, "");
    for (const s of verdictSentences(r, b, t, f)) out.push(`* ${mdInline(s)}`);
    out.push(`* ${mdInline(methodLine(b, t))}`);
    for (const s of stabilitySentences(r, b, t, f)) out.push(`* ${mdInline(s)}`);
    out.push("");
  }

  out.push(`## ${t("sections.prosCons")}`, "");
  for (const c of d.candidates) {
    out.push(`### ${mdInline(c.name)}`, "");
    if (c.description) out.push(mdBlock(c.description), "");
    // Only http(s) becomes a link; anything else stored before the URL rule existed is shown as inert text.
    const href = safeHref(c.link);
    if (href) out.push(t("adr.link", { link: `<${encodeURI(href)}>` }), "");
    else if (c.link) out.push(t("adr.link", { link: mdInline(c.link) }), "");
    for (const k of d.criteria) {
      const cell = cellOf(r, k.id, c.id);
      if (!cell || cell.points === null) continue;
      const rationales = d.scores
        .filter((s) => s.criterionId === k.id && s.candidateId === c.id && s.rationale.trim())
        .map((s) => mdInline(s.rationale));
      const key = cell.points >= GOOD_AT ? "adr.pros" : cell.points <= BAD_AT ? "adr.cons" : "adr.neutral";
      out.push(
        `* ${t(key, { criterion: mdInline(k.name), points: pointsText(cell.points), rationale: rationales.length ? `: ${rationales.join("; ")}` : "" })}`,
      );
    }
    out.push("");
  }

  out.push(`## ${t("sections.scoreTable")}`, "");
  const head = [
    t("table.criterion"),
    t("table.weight"),
    t("table.share"),
    ...d.candidates.map((c) => mdInline(c.name)),
  ];
  out.push(`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`);
  for (const k of d.criteria) {
    const s = share(k.id);
    const cells = d.candidates.map((c) => {
      const p = cellOf(r, k.id, c.id)?.points;
      return p === null || p === undefined ? t("table.missing") : pointsText(p);
    });
    out.push(`| ${mdInline(k.name)} | ${f.raw(k.weight)} | ${s === null ? "" : f.share(s)} | ${cells.join(" | ")} |`);
  }
  if (r) {
    const totals = d.candidates.map((c) => {
      const x = r.ranking.find((y) => y.candidateId === c.id);
      return x ? `**${pointsText(x.total)}**` : "";
    });
    out.push(`| **${t("table.total")}** | | | ${totals.join(" | ")} |`, "");
    out.push(`### ${t("sections.ranking")}`, "");
    for (const x of r.ranking) {
      const notes = rankingNotes(x, b, t);
      out.push(
        `${x.rank === null ? "-" : `${x.rank}.`} ${mdInline(n.candidate(x.candidateId))}: ${pointsText(x.total)}${notes.length ? ` (${notes.map(mdInline).join("; ")})` : ""}`,
      );
    }
    out.push("");
  }
  out.push("---", "", `_${t("generated", { date: f.date(b.generatedAt) })}_`, "");
  return out.join("\n");
}
