// The decision as a Markdown Any Decision Record, MADR 4.0 (https://adr.github.io/madr/): YAML front matter (status,
// date in ISO 8601, decision-makers, consulted, informed), then Context and Problem Statement, Decision Drivers,
// Considered Options, Decision Outcome with Consequences, Pros and Cons of the Options, and More Information (score
// table, ranking). Raw values carry their unit and every criterion says how its points were derived. User text is
// escaped exactly where Markdown would read it as structure (md-escape.ts), and only http(s) links are written.
import type { Locale } from "@/lib/i18n/config";
import { namesOf, type ReportBundle } from "./bundle";
import { formatters, pointsText, reportTranslator, type Formatters, type ReportT } from "./i18n";
import { mdBlock, mdCell, mdInline, yamlString } from "./md-escape";
import { derivationText, rawRows, rawText, safeHttpUrl, type RawRow } from "./raw-values";
import {
  criterionMeaning,
  lastChangedAt,
  outcomeLine,
  rankingNotes,
  scoringErrorLine,
  stabilitySentences,
  valueSentences,
  verdictSentences,
  methodLine,
} from "./report-text";

export { mdBlock, mdInline } from "./md-escape";

/** Points at or above this are a "good, because"; at or below BAD_AT a "bad, because". */
const GOOD_AT = 7;
const BAD_AT = 4;

/** MADR's status vocabulary (machine-read by ADR tools, so it stays English in every locale). */
const MADR_STATUS = {
  DRAFT: "proposed",
  IN_REVIEW: "proposed",
  DECIDED: "accepted",
  SUPERSEDED: "superseded",
} as const;

/**
 * The raw value where it says more than the points (metrics, cost ratings, ratings off the 0–10 scale), escaped for
 * `escape`, as " (50.7 ms)"; "" where raw value and points are the same number.
 */
function rawNote(row: RawRow, raw: number | null, f: Formatters, escape: (s: string) => string = mdInline): string {
  if (raw === null) return "";
  const c = row.criterion;
  const plain =
    c.kind === "SKILL_MATCH" || (c.kind === "RATING" && (c.scaleMin ?? 0) === 0 && (c.scaleMax ?? 10) === 10);
  return plain && c.direction === "BENEFIT" ? "" : ` (${escape(rawText(raw, row.unit, f))})`;
}

function frontMatter(b: ReportBundle): string[] {
  const d = b.decision;
  const list = (key: string, items: string[]) =>
    items.length ? [`${key}:`, ...items.map((s) => `  - ${yamlString(s)}`)] : [`${key}: []`];
  // The architect who framed the decision decides; the evaluators, whose scores were sought, are consulted; the team
  // that owns it is informed.
  const makers = b.createdByName ? [b.createdByName] : b.evaluators.map((e) => e.name);
  const consulted = b.evaluators.map((e) => e.name).filter((n) => !makers.includes(n));
  const date = (d.status === "DECIDED" && b.decidedAt ? b.decidedAt : lastChangedAt(b)).slice(0, 10);
  return [
    "---",
    `status: ${yamlString(MADR_STATUS[d.status])}`,
    `date: ${date}`,
    ...list("decision-makers", makers),
    ...list("consulted", consulted),
    ...list("informed", b.teamName ? [b.teamName] : []),
    "---",
    "",
  ];
}

function prosAndCons(row: RawRow, candidateId: string, b: ReportBundle, t: ReportT, f: Formatters) {
  const cell = row.cells.find((x) => x.candidateId === candidateId);
  if (!cell || cell.points === null) return null;
  const rationales = b.decision.scores
    .filter((s) => s.criterionId === row.criterion.id && s.candidateId === candidateId && s.rationale.trim())
    .map((s) => mdInline(s.rationale));
  const key = cell.points >= GOOD_AT ? "adr.pros" : cell.points <= BAD_AT ? "adr.cons" : "adr.neutral";
  const source = [
    cell.sourceUrl ? t("derivation.source", { url: `<${cell.sourceUrl}>` }) : null,
    cell.measuredOn ? t("derivation.measuredOn", { date: cell.measuredOn }) : null,
  ].filter(Boolean);
  return {
    key,
    line: t(key, {
      criterion: mdInline(row.criterion.name),
      points: pointsText(cell.points),
      raw: rawNote(row, cell.raw, f),
      rationale:
        (rationales.length ? `: ${rationales.join("; ")}` : "") + (source.length ? ` (${source.join(", ")})` : ""),
    }),
  };
}

export function decisionMarkdown(b: ReportBundle, locale: Locale): string {
  const t = reportTranslator(locale);
  const f = formatters(locale);
  const n = namesOf(b);
  const d = b.decision;
  const r = b.result;
  const rows = rawRows(b);
  const out: string[] = frontMatter(b);
  const share = (id: string) => r?.weights.find((w) => w.criterionId === id)?.share ?? null;

  out.push(`# ${mdInline(d.title)}`, "");
  if (b.teamName) out.push(t("team", { team: mdInline(b.teamName) }), "");

  out.push(`## ${t("adr.sections.context")}`, "", d.context.trim() ? mdBlock(d.context) : t("noContext"), "");

  out.push(`## ${t("adr.sections.drivers")}`, "", t("adr.drivers"), "");
  for (const row of rows) {
    const c = row.criterion;
    const s = share(c.id);
    const meaning = [...criterionMeaning(c, t, f), derivationText(row, t, f)].map(mdInline).join(" · ");
    out.push(
      `* **${mdInline(c.name)}**: ${t("table.weight")} ${f.raw(c.weight)}${s === null ? "" : ` (${f.share(s)})`} · ${t(`kinds.${c.kind}`)} · ${t(`directions.${c.direction}`)} · ${meaning}`,
    );
  }
  out.push("");
  if (b.tree) {
    out.push(`### ${t("sections.tree")}`, "", t("tree.explain"), "");
    for (const n of b.tree) {
      const name = n.leaf ? mdInline(n.name) : `**${mdInline(t("tree.group", { name: n.name }))}**`;
      const local =
        n.parent === null ? "" : `${t("tree.ofGroup", { share: f.share(n.localShare), group: mdInline(n.parent) })}, `;
      out.push(`${"  ".repeat(n.depth - 1)}* ${name}: ${local}${t("tree.ofGoal", { share: f.share(n.globalShare) })}`);
    }
    out.push("");
  }

  out.push(`## ${t("adr.sections.options")}`, "");
  for (const c of d.candidates) out.push(`* ${mdInline(c.name)}${c.description ? `: ${mdInline(c.description)}` : ""}`);
  out.push("");

  out.push(`## ${t("adr.sections.outcome")}`, "");
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
  } else out.push(mdInline(outcomeLine(b, t)), "");
  if (d.outcomeRationale.trim()) out.push(`**${t("outcome.rationale")}:** ${mdBlock(d.outcomeRationale)}`, "");

  if (focus) {
    const lines = rows
      .map((row) => prosAndCons(row, focus, b, t, f))
      .filter((x) => x !== null && x.key !== "adr.neutral")
      .map((x) => `* ${x!.line}`);
    if (lines.length) out.push(`### ${t("adr.sections.consequences")}`, "", ...lines, "");
  }

  if (r) {
    out.push(`### ${t("adr.sections.confidence")}`, "");
    for (const s of verdictSentences(r, b, t, f)) out.push(`* ${mdInline(s)}`);
    out.push(`* ${mdInline(methodLine(b, t))}`);
    for (const s of stabilitySentences(r, b, t, f)) out.push(`* ${mdInline(s)}`);
    out.push("");
    const value = valueSentences(r, b, t, f);
    if (value.length) out.push(`### ${t("sections.value")}`, "", ...value.map((s) => `* ${mdInline(s)}`), "");
  }

  out.push(`## ${t("adr.sections.prosCons")}`, "");
  for (const c of d.candidates) {
    out.push(`### ${mdInline(c.name)}`, "");
    if (c.description) out.push(mdBlock(c.description), "");
    const link = safeHttpUrl(c.link);
    if (link) out.push(t("adr.link", { link: `<${link}>` }), "");
    // Anything else stored before the URL rule existed is shown as inert text, never as a link.
    else if (c.link) out.push(t("adr.link", { link: mdInline(c.link) }), "");
    for (const row of rows) {
      const x = prosAndCons(row, c.id, b, t, f);
      if (x) out.push(`* ${x.line}`);
    }
    out.push("");
  }

  out.push(
    `## ${t("adr.sections.moreInfo")}`,
    "",
    `### ${t("adr.sections.scoreTable")}`,
    "",
    t("adr.scoreTableNote"),
    "",
  );
  const head = [t("table.criterion"), t("table.weight"), t("table.share"), ...d.candidates.map((c) => mdCell(c.name))];
  out.push(`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`);
  for (const row of rows) {
    const k = row.criterion;
    const s = share(k.id);
    const cells = row.cells.map((x) =>
      x.points === null ? t("table.missing") : `${pointsText(x.points)}${rawNote(row, x.raw, f, mdCell)}`,
    );
    out.push(`| ${mdCell(k.name)} | ${f.raw(k.weight)} | ${s === null ? "" : f.share(s)} | ${cells.join(" | ")} |`);
  }
  if (r) {
    const totals = d.candidates.map((c) => {
      const x = r.ranking.find((y) => y.candidateId === c.id);
      return x ? `**${pointsText(x.total)}**` : "";
    });
    out.push(`| **${t("table.total")}** | | | ${totals.join(" | ")} |`, "");
    out.push(`### ${t("adr.sections.ranking")}`, "");
    for (const x of r.ranking) {
      const notes = rankingNotes(x, b, t);
      out.push(
        `${x.rank === null ? "-" : `${x.rank}.`} ${mdInline(n.candidate(x.candidateId))}: ${pointsText(x.total)}${notes.length ? ` (${notes.map(mdInline).join("; ")})` : ""}`,
      );
    }
    out.push("");
  }
  out.push("---", "", `_${t("generated", { date: isoMinute(b.generatedAt) })}_`, "");
  return out.join("\n");
}

/** 2026-12-01 21:46 UTC: ISO 8601 date and time, unambiguous in every language. */
export function isoMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
