// The report as a PDF, rendered on the server by @react-pdf/renderer (no browser). Charts are vector drawings (Svg
// rects). Fonts ship as npm dependencies (Noto Sans SC for Latin and Chinese, Noto Emoji for emoji and symbols; see
// pdf-fonts.ts), and every user string goes through coverStrings first, so a character no embedded font has prints
// as one placeholder instead of a wrong glyph or a crash.
import { Document, Page, Rect, StyleSheet, Svg, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { coverStrings, FONT_FAMILY, registerFonts } from "./pdf-fonts";
import type { Locale } from "@/lib/i18n/config";
import { namesOf, type ReportBundle } from "./bundle";
import { acceptabilityBars, contributionBars, rankHex, type BarRow, type LegendEntry } from "./chart-geometry";
import { formatters, pointsText, reportTranslator, type Formatters, type ReportT } from "./i18n";
import { cellLine, derivationText, rawRows } from "./raw-values";
import {
  changeSentence,
  criterionMeaning,
  lastChangedAt,
  outcomeLine,
  rankingNotes,
  requirementFlags,
  scoringErrorLine,
  stabilitySentences,
  valueSentences,
  verdictSentences,
  methodLine,
} from "./report-text";

const FAMILY = FONT_FAMILY;
const INK = "#1b1f24";
const MUTED = "#57606a";
const RULE = "#d0d7de";

const s = StyleSheet.create({
  page: { fontFamily: FAMILY, fontSize: 9, color: INK, padding: 36, paddingBottom: 48, lineHeight: 1.4 },
  h1: { fontSize: 18, fontWeight: 700, lineHeight: 1.5, marginBottom: 6 },
  h2: {
    fontSize: 12,
    fontWeight: 700,
    marginTop: 14,
    marginBottom: 6,
    borderBottomWidth: 1,
    borderBottomColor: RULE,
    paddingBottom: 2,
  },
  meta: { color: MUTED, marginBottom: 2 },
  outcome: { fontSize: 11, fontWeight: 700, marginTop: 6 },
  p: { marginBottom: 4 },
  table: { borderTopWidth: 1, borderTopColor: RULE },
  tr: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: RULE },
  // minWidth 0 lets a cell shrink below its longest word, which then wraps (pdf-fonts.ts breaks long words).
  th: { fontWeight: 700, padding: 3, flexGrow: 1, flexBasis: 0, minWidth: 0 },
  td: { padding: 3, flexGrow: 1, flexBasis: 0, minWidth: 0 },
  num: { textAlign: "right" },
  first: { flexGrow: 2.2 },
  small: { fontSize: 8, color: MUTED },
  legend: { flexDirection: "row", flexWrap: "wrap", marginTop: 4 },
  legendItem: { flexDirection: "row", alignItems: "center", marginRight: 10, marginBottom: 2 },
  barRow: { flexDirection: "row", alignItems: "center", marginBottom: 3 },
  barLabel: { width: 100, paddingRight: 4 },
  barValue: { width: 44, textAlign: "right" },
  footer: {
    position: "absolute",
    bottom: 20,
    left: 36,
    right: 36,
    fontSize: 7,
    color: MUTED,
    flexDirection: "row",
    justifyContent: "space-between",
  },
});

const BAR_WIDTH = 330;

function Bars({ rows, max, format }: { rows: BarRow[]; max: number; format: (v: number) => string }) {
  return (
    <View>
      {rows.map((r) => (
        <View key={r.id} style={s.barRow} wrap={false}>
          <Text style={s.barLabel}>{r.label}</Text>
          <Svg width={BAR_WIDTH} height={12} viewBox={`0 0 ${BAR_WIDTH} 12`}>
            <Rect x={0} y={0} width={BAR_WIDTH} height={12} fill="#f3f4f6" />
            {r.segments.map((g) => (
              <Rect
                key={g.key}
                x={(g.from / max) * BAR_WIDTH}
                y={0}
                width={Math.max(0, ((g.to - g.from) / max) * BAR_WIDTH)}
                height={12}
                fill={g.color}
                stroke="#ffffff"
                strokeWidth={0.5}
              />
            ))}
          </Svg>
          <Text style={r.valueText ? [s.barValue, { width: 80 }] : s.barValue}>{r.valueText ?? format(r.value)}</Text>
        </View>
      ))}
    </View>
  );
}

function Legend({ entries }: { entries: LegendEntry[] }) {
  return (
    <View style={s.legend}>
      {entries.map((e) => (
        <View key={e.key} style={s.legendItem}>
          <Svg width={8} height={8} viewBox="0 0 8 8">
            <Rect x={0} y={0} width={8} height={8} fill={e.color} />
          </Svg>
          <Text style={{ marginLeft: 3 }}>{e.label}</Text>
        </View>
      ))}
    </View>
  );
}

function Row({
  cells,
  header,
  firstWide = true,
}: {
  cells: (string | number)[];
  header?: boolean;
  firstWide?: boolean;
}) {
  return (
    <View style={s.tr} wrap={false}>
      {cells.map((c, i) => (
        <Text
          key={i}
          style={[
            header ? s.th : s.td,
            i > 0 && typeof c !== "string" ? s.num : {},
            i === 0 && firstWide ? s.first : {},
          ]}
        >
          {String(c)}
        </Text>
      ))}
    </View>
  );
}

function ReportPdf({ b, t, f, locale }: { b: ReportBundle; t: ReportT; f: Formatters; locale: Locale }) {
  const d = b.decision;
  const r = b.result;
  const n = namesOf(b);
  const share = (id: string) => r?.weights.find((w) => w.criterionId === id)?.share;
  const err = scoringErrorLine(b, t);
  const contrib = r ? contributionBars(b, r) : null;
  const accept = r
    ? acceptabilityBars(b, r, {
        value: (rank, p) => t("charts.rankValue", { rank, p: f.share(p) }),
        rank: (rank) => t("charts.rankLabel", { rank }),
      })
    : null;
  return (
    <Document title={d.title} author="Stackwise" language={locale}>
      <Page size="A4" style={s.page}>
        <Text style={s.h1}>{d.title}</Text>
        <Text style={s.meta}>
          {t("status.label")}: {t(`status.${d.status}`)} · {b.teamName ? t("team", { team: b.teamName }) : t("noTeam")}
        </Text>
        <Text style={s.outcome}>{outcomeLine(b, t)}</Text>
        {d.outcomeRationale ? (
          <Text style={s.p}>
            {t("outcome.rationale")}: {d.outcomeRationale}
          </Text>
        ) : null}
        {err ? <Text style={s.p}>{err}</Text> : null}

        <Text style={s.h2}>{t("sections.context")}</Text>
        <Text style={s.p}>{d.context || t("noContext")}</Text>

        <Text style={s.h2}>{t("sections.criteria")}</Text>
        <View style={s.table}>
          <Row header cells={[t("table.criterion"), t("table.weight"), t("table.share"), t("table.meaning")]} />
          {rawRows(b).map((row) => {
            const c = row.criterion;
            return (
              <View key={c.id} style={s.tr} wrap={false}>
                <Text style={[s.td, s.first]}>{c.name}</Text>
                <Text style={[s.td, s.num]}>{f.raw(c.weight)}</Text>
                <Text style={[s.td, s.num]}>{share(c.id) === undefined ? "" : f.share(share(c.id)!)}</Text>
                <Text style={[s.td, { flexGrow: 4 }]}>
                  {[
                    t(`kinds.${c.kind}`),
                    t(`directions.${c.direction}`),
                    ...criterionMeaning(c, t, f),
                    derivationText(row, t, f),
                  ].join(" · ")}
                </Text>
              </View>
            );
          })}
        </View>

        {b.tree ? (
          <>
            <Text style={s.h2}>{t("sections.tree")}</Text>
            <Text style={s.small}>{t("tree.explain")}</Text>
            <View style={s.table}>
              <Row header cells={[t("table.criterion"), t("tree.local"), t("tree.global")]} />
              {b.tree.map((n) => (
                <View key={n.criterionId} style={s.tr} wrap={false}>
                  <Text style={[s.td, s.first, { paddingLeft: 4 + (n.depth - 1) * 12 }]}>
                    {n.leaf ? n.name : t("tree.group", { name: n.name })}
                  </Text>
                  <Text style={[s.td, s.num]}>
                    {n.parent === null ? "" : t("tree.ofGroup", { share: f.share(n.localShare), group: n.parent })}
                  </Text>
                  <Text style={[s.td, s.num]}>{f.share(n.globalShare)}</Text>
                </View>
              ))}
            </View>
          </>
        ) : null}

        <Text style={s.h2}>{t("sections.contributions")}</Text>
        <Text style={s.small}>{t("charts.cellExplain")}</Text>
        <View style={s.table}>
          <Row header cells={[t("table.criterion"), t("table.share"), ...d.candidates.map((c) => c.name)]} />
          {rawRows(b).map((row) => (
            <Row
              key={row.criterion.id}
              cells={[
                row.criterion.name,
                share(row.criterion.id) === undefined ? "" : f.share(share(row.criterion.id)!),
                ...row.cells.map((cell) =>
                  cellLine(
                    row,
                    cell,
                    r?.ranking
                      .find((x) => x.candidateId === cell.candidateId)
                      ?.contributions.find((x) => x.criterionId === row.criterion.id)?.contribution,
                    t,
                    f,
                  ),
                ),
              ]}
            />
          ))}
          {r ? (
            <Row
              cells={[
                t("table.total"),
                "",
                ...d.candidates.map((k) => {
                  const x = r.ranking.find((y) => y.candidateId === k.id);
                  return x ? pointsText(x.total) : "";
                }),
              ]}
            />
          ) : null}
        </View>

        {r ? (
          <>
            <Text style={s.h2}>{t("sections.ranking")}</Text>
            <View style={s.table}>
              <Row
                header
                cells={[t("table.rank"), t("table.candidate"), t("table.total"), t("table.margin"), t("table.notes")]}
                firstWide={false}
              />
              {r.ranking.map((x) => (
                <Row
                  key={x.candidateId}
                  firstWide={false}
                  cells={[
                    x.rank === null ? "–" : String(x.rank),
                    n.candidate(x.candidateId),
                    pointsText(x.total),
                    x.margin === null ? "" : pointsText(x.margin),
                    rankingNotes(x, b, t).join("; "),
                  ]}
                />
              ))}
            </View>

            <View wrap={false}>
              <Text style={s.h2}>{t("charts.contributions")}</Text>
              <Text style={s.small}>{t("charts.contributionsDesc")}</Text>
              {contrib ? (
                <>
                  <Bars rows={contrib.rows} max={contrib.max} format={pointsText} />
                  <Legend entries={contrib.legend} />
                </>
              ) : null}
            </View>
            {accept && r.monteCarlo ? (
              <View wrap={false}>
                <Text style={s.h2}>{t("charts.acceptability", { samples: f.whole(r.monteCarlo.samples) })}</Text>
                <Text style={s.small}>
                  {t("charts.acceptabilityDesc", { seed: r.monteCarlo.seed })} {t("charts.rankValueDesc")}
                </Text>
                <Bars rows={accept.rows} max={1} format={f.share} />
                <Legend
                  entries={Array.from({ length: accept.ranks }, (_, i) => ({
                    key: String(i),
                    label: t("charts.rankLabel", { rank: i + 1 }),
                    color: rankHex(i + 1, accept.ranks),
                  }))}
                />
              </View>
            ) : null}

            <Text style={s.h2}>{t("sections.sensitivity")}</Text>
            {verdictSentences(r, b, t, f).map((line, i) => (
              <Text key={i} style={s.p}>
                {line}
              </Text>
            ))}
            <Text style={s.p}>{methodLine(b, t)}</Text>
            {stabilitySentences(r, b, t, f).map((line, i) => (
              <Text key={`s${i}`} style={s.small}>
                {line}
              </Text>
            ))}
            <ValueForMoney lines={valueSentences(r, b, t, f)} title={t("sections.value")} />

            <Text style={s.h2}>{t("sections.teamFit")}</Text>
            <TeamFit b={b} t={t} f={f} />
          </>
        ) : null}

        <Text style={s.h2}>{t("sections.evaluators")}</Text>
        <Text style={s.p}>
          {b.evaluators.length
            ? t("evaluators.count", { count: b.evaluators.length, names: b.evaluators.map((e) => e.name).join(", ") })
            : t("evaluators.none")}
        </Text>

        <Text style={s.h2}>{t("sections.dates")}</Text>
        <Text style={s.p}>
          {[
            t("dates.created", { date: f.date(d.createdAt) }),
            t("dates.updated", { date: f.date(lastChangedAt(b)) }),
            b.decidedAt ? t("dates.decided", { date: f.date(b.decidedAt) }) : null,
            b.createdByName ? t("dates.createdBy", { name: b.createdByName }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>

        <Text style={s.h2}>{t("sections.changes")}</Text>
        {b.changes.length === 0 ? (
          <Text style={s.p}>{t("changes.none")}</Text>
        ) : (
          <>
            <Text style={s.p}>{t("changes.count", { count: b.changeCount, shown: b.changes.length })}</Text>
            {b.changes.map((c, i) => (
              <Text key={i} style={s.small}>
                {f.date(c.at)} · {changeSentence(c, t, f)}
              </Text>
            ))}
          </>
        )}

        <View style={s.footer} fixed>
          <Text>{t("generated", { date: f.date(b.generatedAt) })}</Text>
          <Text render={({ pageNumber, totalPages }) => `${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

/** The value-for-money section, when a criterion is money (report-text.ts words it). */
function ValueForMoney({ lines, title }: { lines: string[]; title: string }) {
  if (lines.length === 0) return null;
  return (
    <>
      <Text style={s.h2}>{title}</Text>
      {lines.map((line, i) => (
        <Text key={i} style={s.p}>
          {line}
        </Text>
      ))}
    </>
  );
}

function TeamFit({ b, t, f }: { b: ReportBundle; t: ReportT; f: Formatters }) {
  const r = b.result!;
  const n = namesOf(b);
  if (!b.decision.team) return <Text style={s.p}>{t("teamFit.none")}</Text>;
  const withReq = r.skillMatch.filter((m) => m.requirements.length > 0);
  if (withReq.length === 0) return <Text style={s.p}>{t("teamFit.noRequirements")}</Text>;
  return (
    <View>
      {withReq.map((m) => (
        <View key={m.candidateId} style={{ marginBottom: 4 }} wrap={false}>
          <Text style={{ fontWeight: 700 }}>
            {n.candidate(m.candidateId)}: {t("table.match")} {m.match === null ? "–" : pointsText(m.match)}
          </Text>
          {m.requirements.map((q) => (
            <Text key={q.skillId} style={s.small}>
              {t("teamFit.requirement", {
                skill: n.skill(q.skillId),
                weight: f.share(q.weight),
                level: f.raw(q.teamLevel),
                gap: f.raw(q.gap),
                busFactor: q.busFactor,
              })}
              {requirementFlags(q, n.skill(q.skillId), t, f)
                .map((x) => ` · ${x}`)
                .join("")}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

export async function reportPdf(b: ReportBundle, locale: Locale): Promise<Buffer> {
  registerFonts();
  const covered = coverStrings(b);
  return renderToBuffer(<ReportPdf b={covered} t={reportTranslator(locale)} f={formatters(locale)} locale={locale} />);
}
