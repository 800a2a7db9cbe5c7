// The results overview on the seeded broker decision. Every expected figure is worked out by hand (or with numpy, as
// noted) from the template data, never read from the app. Monte Carlo figures come from evaluateDecision run here in
// the test process on a model built from the same template data and the same seed: that checks the wiring (worker,
// seed, weights), the engine itself is tested in lib/scoring.
import { expect, test, type Page } from "@playwright/test";
import { decisionSeed, MC_SAMPLES } from "@/lib/results/seed";
import { evaluateDecision, setShare, type DecisionModel } from "@/lib/scoring";
import { BROKER_TEMPLATE, DEMO_SKILLS, DEMO_TEAMS } from "@/lib/templates/demo";
import { DEMO, signIn } from "./support/auth";
import { clearScores, createResultsWorkspace, setCell, setEvaluatorCell } from "./support/results-fixtures";

const BROKER = "Message broker for order events";
const pct = (v: number) =>
  new Intl.NumberFormat("en", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

/** The broker decision as the engine sees it, from the template (ids are the template keys; order as seeded). */
function brokerModel(): DecisionModel {
  const t = BROKER_TEMPLATE;
  const team = DEMO_TEAMS.find((x) => x.key === t.team)!;
  return {
    criteria: t.criteria.map((c) => ({
      id: c.key,
      name: c.name,
      weight: c.weight,
      kind: c.kind,
      direction: c.direction,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
    })),
    candidates: t.candidates.map((c) => ({ id: c.key, name: c.name })),
    scores: t.scores.flatMap((s) =>
      s.values.map((value, i) => ({ criterionId: s.criterion, candidateId: s.candidate, evaluatorId: `e${i}`, value })),
    ),
    skills: DEMO_SKILLS.map((s) => ({ id: s.key, name: s.name })),
    team: {
      members: team.members.map((m, i) => ({ id: `m${i}`, name: m.name })),
      ratings: team.members.flatMap((m, i) =>
        Object.entries(m.ratings).map(([skillId, level]) => ({ memberId: `m${i}`, skillId, level })),
      ),
    },
    requirements: t.candidates.flatMap((c) =>
      (c.requirements ?? []).map((r) => ({ candidateId: c.key, skillId: r.skill, weight: r.weight })),
    ),
  };
}

async function openBroker(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: BROKER, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: BROKER })).toBeVisible();
  // Recharts draws after hydration; legend icons are svg.recharts-surface too, so wait for a chart's own surface.
  await expect(page.locator(".recharts-wrapper > svg.recharts-surface").first()).toBeVisible();
  return page.url().split("/decisions/")[1];
}

/** Charts mount when they come near the viewport (they are heavy): scroll a chart's frame into view first. */
async function chart(page: Page, id: string) {
  const frame = page.getByTestId(`chart-${id}`);
  await frame.scrollIntoViewIfNeeded();
  await expect(frame.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  return frame;
}

const slider = (page: Page, criterion: string) => page.getByRole("slider", { name: criterion, exact: true });
const rankingNames = (page: Page) =>
  page
    .getByTestId("ranking")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-candidate")));

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.viewer);
});

test("ranking: stacked contributions, radar and team charts have the expected marks", async ({ page }) => {
  await openBroker(page);
  // 3 candidates × 5 criteria, every contribution > 0 → 15 stacked segments.
  await expect(page.locator('[data-testid="chart-contributions"] .recharts-bar-rectangle')).toHaveCount(15);
  // One polygon per candidate.
  await expect((await chart(page, "radar")).locator(".recharts-radar-polygon")).toHaveCount(3);
  // Heatmap: 3 members × the 4 skills the candidates need (AMQP, JMS, Streaming, Kubernetes).
  await expect(page.locator(".heatmap-cell")).toHaveCount(12);
  // Skill-match bars, one per candidate.
  await expect((await chart(page, "skill-bars")).locator(".recharts-bar-rectangle")).toHaveCount(3);
  // Tornado: one current-share marker per criterion.
  await expect((await chart(page, "tornado")).locator(".tornado-current")).toHaveCount(5);
  // Totals in the chart's table alternative: .2·8+.25·7+.15·7+.3·9+.1·6 = 7.70, Kafka 6.70, Pulsar 5.60.
  const alt = page.locator('[data-testid="chart-contributions"] details tbody tr');
  await expect(alt).toHaveText([/RabbitMQ\s*7\.70/, /Kafka\s*6\.70/, /Pulsar\s*5\.60/]);
  // Profiles table: the points themselves (Kafka 6/5/9/7/8 …).
  const profiles = page.getByTestId("profiles-table").locator("tbody tr");
  await expect(profiles.nth(0)).toHaveText(/Learning cost\s*6\.00\s*8\.00\s*5\.00/);
  await expect(profiles.nth(3)).toHaveText(/Team familiarity\s*7\.00\s*9\.00\s*5\.00/);
});

test("team fit: skill match, gaps, bus factor and what each candidate would need", async ({ page }) => {
  await openBroker(page);
  // Team (top-2 mean): AMQP (10+6)/2 = 8, JMS (6+4)/2 = 5, Streaming (7+5)/2 = 6, Kubernetes (8+6)/2 = 7.
  // Match: RabbitMQ .7·8+.3·5 = 7.10, Kafka .9·6+.1·5 = 5.90, Pulsar .6·6+.4·7 = 6.40.
  const bars = page.locator('[data-testid="chart-skill-bars"] details tbody tr');
  await expect(bars).toHaveText([/Kafka\s*5\.90/, /RabbitMQ\s*7\.10/, /Pulsar\s*6\.40/]);
  const gaps = page.getByTestId("skill-gaps");
  const row = (c: string, s: string) => gaps.locator(`tr[data-candidate="${c}"][data-skill="${s}"]`);
  // Every risk flag states the rule it applies (share ≥ 20 % and fewer than 2 people at 7+); a bus factor of 0 is
  // named whatever the share.
  const rule = (share: string) =>
    `Risk: ${share} of the requirements \\(at least 20\\.0%\\) and fewer than 2 people rated 7 or more`;
  // Kafka · Streaming: r̂ 90 %, level 6, target 7, gap 1, experts (≥ 7) = Mei only → bus factor 1, r̂ ≥ .2 → risk.
  // Need: +1 at 7 → top-2 (7+7)/2 = 7 and two experts.
  await expect(row("Kafka", "Streaming")).toHaveText(
    new RegExp(
      `90\\.0%\\s*6\\.00\\s*7\\.00\\s*1\\.00\\s*1\\s*${rule("90\\.0%")}\\s*one more person at level 7 in Streaming`,
    ),
  );
  // Kafka · JMS: r̂ 10 % (below the rule), level 5, gap 2, nobody ≥ 7 → bus factor 0, named. +1 → (7+6)/2 = 6.5 < 7;
  // +2 → 7 → two people.
  await expect(row("Kafka", "JMS")).toHaveText(
    /10\.0%\s*5\.00\s*7\.00\s*2\.00\s*0\s*Nobody rated 7 or more\s*two more people at level 7 in JMS/,
  );
  // RabbitMQ · AMQP: level 8 ≥ 7 but one expert (Mei 10) → one more person.
  await expect(row("RabbitMQ", "AMQP")).toHaveText(
    new RegExp(
      `70\\.0%\\s*8\\.00\\s*7\\.00\\s*0\\.00\\s*1\\s*${rule("70\\.0%")}\\s*one more person at level 7 in AMQP`,
    ),
  );
  // Pulsar · Kubernetes: (8+6)/2 = 7, one expert (Tomás 8) → one more person.
  await expect(row("Pulsar", "Kubernetes")).toHaveText(
    new RegExp(
      `40\\.0%\\s*7\\.00\\s*7\\.00\\s*0\\.00\\s*1\\s*${rule("40\\.0%")}\\s*one more person at level 7 in Kubernetes`,
    ),
  );
});

test("evaluators: the discussion list by weighted swing, everyone's reasons side by side, and each one's totals", async ({
  page,
}) => {
  await openBroker(page);
  // Template values (Ada, Bo): the cells they scored differently are Pulsar learning 2/8, Kafka ops 4/6, RabbitMQ ops
  // 6/8, Kafka ecosystem 7/9, RabbitMQ ecosystem 5/7. Swing = share × (highest − lowest points): .2·6 = 1.20,
  // .25·2 = 0.50 twice, .1·2 = 0.20 twice; Σ = 2.6 → 46.2 %, 19.2 %, 7.7 %. Totals 6.70 / 7.70 / 5.60: Pulsar at Bo's
  // 8 is 5.60 + .2·3 = 6.20 < 6.70, so no single disagreement moves a rank.
  const list = page.getByTestId("discussion-table").locator("tbody > tr[data-cell]");
  await list.first().scrollIntoViewIfNeeded();
  await expect(list).toHaveText([
    /^1\s*Learning cost · Pulsar\s*2\s*8\s*20\.0%\s*1\.20\s*46\.2%\s*order holds\s*Everyone's view$/,
    /^2\s*Operational complexity · Kafka\s*4\s*6\s*25\.0%\s*0\.50\s*19\.2%\s*order holds/,
    /^3\s*Operational complexity · RabbitMQ\s*6\s*8\s*25\.0%\s*0\.50\s*19\.2%\s*order holds/,
    /^4\s*Ecosystem compatibility · Kafka\s*7\s*9\s*10\.0%\s*0\.20\s*7\.7%\s*order holds/,
    /^5\s*Ecosystem compatibility · RabbitMQ\s*5\s*7\s*10\.0%\s*0\.20\s*7\.7%\s*order holds/,
  ]);
  await expect((await chart(page, "spread")).locator(".spread-bar")).toHaveCount(5);

  // Opened from the keyboard: both sides of the disagreement, lowest first, each with its reason.
  const open = page.getByRole("button", { name: "Everyone's view of Learning cost · Pulsar" });
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(open).toHaveAttribute("aria-expanded", "true");
  const cards = page
    .getByRole("list", { name: "Everyone's view of Learning cost · Pulsar, lowest first" })
    .getByRole("listitem");
  await expect(cards).toHaveText([
    /^Ada Architect\s*2\s*Tiered storage and BookKeeper are new to all of us/,
    /^Bo Architect\s*8\s*The client API is close to Kafka's/,
  ]);
  await page.keyboard.press("Enter");
  await expect(open).toHaveAttribute("aria-expanded", "false");
  await expect(cards).toHaveCount(0);

  // The list follows the sliders. Learning cost at 50 %, the others in proportion (× .5/.8): Pulsar's swing .5·6 = 3.00
  // of Σ 3 + 2·.15625·2 + 2·.0625·2 = 3.875 → 77.4 %. Pulsar at Bo's 8: 8·.5 + 5.75·.5 = 6.875 passes Kafka
  // (6·.5 + 6.875·.5 = 6.4375) but not RabbitMQ (8·.5 + 7.625·.5 = 7.8125).
  await slider(page, "Learning cost").fill("500");
  await expect(page.getByTestId("share-Learning cost")).toHaveText("50.0%");
  await expect(list.first()).toHaveText(
    /^1\s*Learning cost · Pulsar\s*2\s*8\s*50\.0%\s*3\.00\s*77\.4%\s*could change the order/,
  );

  // Ada alone: Kafka .2·6+.25·4+.15·9+.3·7+.1·7 = 6.35; RabbitMQ 1.6+1.5+1.05+2.7+.5 = 7.35; Pulsar .4+1+1.2+1.5+.9 = 5.00.
  // Bo alone: Kafka 1.2+1.5+1.35+2.1+.9 = 7.05; RabbitMQ 1.6+2+1.05+2.7+.7 = 8.05; Pulsar 1.6+1+1.2+1.5+.9 = 6.20.
  await page.getByRole("button", { name: "Reset to the decision's weights" }).click();
  const totals = page.getByTestId("evaluator-totals");
  await expect(totals.locator('tr[data-evaluator="Ada Architect"]')).toHaveText(/6\.35\s*7\.35\s*5\.00\s*RabbitMQ/);
  await expect(totals.locator('tr[data-evaluator="Bo Architect"]')).toHaveText(/7\.05\s*8\.05\s*6\.20\s*RabbitMQ/);
});

test("consensus: how far the two architects agree on the order, overall and per criterion (Kendall's W)", async ({
  page,
}) => {
  await openBroker(page);
  // scipy.stats.friedmanchisquare, W = χ² / (m(n − 1)) with m = 2 evaluators, n = 3 candidates:
  //   overall on the totals above (Ada 6.35 7.35 5.00, Bo 7.05 8.05 6.20): same order → W = 1, χ² = 4, p = e^−2 = 0.135
  //   Learning cost (6 8 2 / 6 8 8; Bo ties two): W = 0.5, p = e^−1 = 0.368
  //   Operational complexity (4 6 4 / 6 8 4) and Ecosystem compatibility (7 5 9 / 9 7 9): W = 0.928…, p = 0.156
  //   Community activity and Team familiarity (identical): W = 1, p = 0.135
  await expect(page.getByTestId("verdict-consensus")).toHaveText(
    "The 2 evaluators agree strongly on the ranking: Kendall's W = 1.00, but with 3 candidates random rankings " +
      "agree this well often enough (p = 0.14) that it may be chance.",
  );
  const rows = page.getByTestId("agreement-table").locator("tbody tr");
  await rows.first().scrollIntoViewIfNeeded();
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(0)).toHaveText(
    /^Overall \(each evaluator's own totals\)\s*2\s*1\.00\s*0\.14\s*strong\s*may be chance$/,
  );
  // Least agreement first; equal W in the decision's criterion order.
  await expect(rows.nth(1)).toHaveText(/^Learning cost\s*2\s*0\.50\s*0\.37\s*moderate\s*may be chance$/);
  await expect(rows.nth(2)).toHaveText(/^Operational complexity\s*2\s*0\.93\s*0\.16\s*strong/);
  await expect(rows.nth(3)).toHaveText(/^Ecosystem compatibility\s*2\s*0\.93\s*0\.16\s*strong/);
  await expect(rows.nth(4)).toHaveText(/^Community activity\s*2\s*1\.00\s*0\.14\s*strong/);
  await expect(rows.nth(5)).toHaveText(/^Team familiarity\s*2\s*1\.00\s*0\.14\s*strong/);
});

test("a criterion the evaluators order differently is named for discussion", async ({ browser }) => {
  const ws = await createResultsWorkspace();
  // A viewer of the copy: with blind scoring on in the open demo decision, an evaluator sees only their own scores.
  const page = await browser.newPage();
  await signIn(page, ws.email.viewer);
  // Bo reverses Ada's order on Community activity: Ada 9 7 8 (Kafka, RabbitMQ, Pulsar), Bo 7 9 8 → ranks (1 3 2) and
  // (3 1 2): R = (4, 4, 4), S = 0 → W = 0. Overall the totals keep RabbitMQ first for both; by hand Ada 6.35 7.35 5.00,
  // Bo 6.75 8.35 6.20 → same order, W = 1.
  const id = ws.decisions.get("broker")!;
  expect(await setEvaluatorCell(id, "Community activity", "Kafka", ws.email.bo, 7)).toEqual({ count: 1 });
  expect(await setEvaluatorCell(id, "Community activity", "RabbitMQ", ws.email.bo, 9)).toEqual({ count: 1 });
  await page.goto(`/decisions/${id}`);
  await expect(page.getByTestId("verdict-consensus")).toHaveText(
    "The 2 evaluators agree strongly on the ranking: Kendall's W = 1.00, but with 3 candidates random rankings " +
      "agree this well often enough (p = 0.14) that it may be chance. They disagree most on Community activity (W = 0.00).",
  );
  await page.close();
});

test("second opinion: TOPSIS closeness and agreement", async ({ page }) => {
  await openBroker(page);
  // numpy: N = S/‖S‖ per column, V = N·ŵ, d± to column max/min → C = d⁻/(d⁺+d⁻) = Kafka 0.4415, RabbitMQ 0.8140,
  // Pulsar 0.1539. RabbitMQ first by both methods.
  await expect(page.getByTestId("topsis-verdict")).toHaveText("TOPSIS agrees: RabbitMQ comes first by both methods.");
  const rows = page.getByTestId("topsis-table").locator("tbody tr");
  await expect(rows).toHaveText([
    /RabbitMQ\s*0\.814\s*1\s*1\s*7\.70/,
    /Kafka\s*0\.442\s*2\s*2\s*6\.70/,
    /Pulsar\s*0\.154\s*3\s*3\s*5\.60/,
  ]);
});

test("sensitivity: community flips to Kafka at 43.3 %, team familiarity never", async ({ page }) => {
  await openBroker(page);
  // Community (i = 3rd): Kafka R = (.2·6+.25·5+.3·7+.1·8)/.85 = 6.2941, s = 9; RabbitMQ R = (.2·8+.25·7+.3·9+.1·6)/.85
  // = 7.8235, s = 7. 9t + 6.2941(1−t) = 7t + 7.8235(1−t) → t = (26/17)/(2 + 26/17) = 13/30 = 43.3 %.
  // Ecosystem: Kafka R = 5.9/.9 = 6.5556, s = 8; RabbitMQ R = 7.1/.9 = 7.8889, s = 6 → t = 1.3333/3.3333 = 40.0 %.
  // Familiarity: RabbitMQ 7.1429 → 9 stays above Kafka 6.5714 → 7 and Pulsar 5.8571 → 5 over [0, 1].
  const table = page.getByTestId("sensitivity-table");
  await expect(table.locator('tr[data-criterion="Community activity"]')).toHaveText(
    /15\.0%\s*0\.0% – 43\.3%\s*Kafka wins above 43\.3%/,
  );
  await expect(table.locator('tr[data-criterion="Ecosystem compatibility"]')).toHaveText(
    /10\.0%\s*0\.0% – 40\.0%\s*Kafka wins above 40\.0%/,
  );
  await expect(table.locator('tr[data-criterion="Team familiarity"]')).toHaveText(
    /30\.0%\s*0\.0% – 100\.0%\s*None: RabbitMQ stays first at any share/,
  );

  const chooser = page.getByTestId("sweep-criterion");
  await chooser.selectOption({ label: "Community activity" });
  await expect(page.getByTestId("sweep-summary")).toHaveText("Kafka overtakes RabbitMQ at 43.3%.");
  await expect((await chart(page, "sweep")).locator(".recharts-line-curve")).toHaveCount(3);
  await expect(page.locator('[data-testid="chart-sweep"] .recharts-reference-dot')).toHaveCount(1);
  await chooser.selectOption({ label: "Team familiarity" });
  await expect(page.getByTestId("sweep-summary")).toHaveText(
    "Team familiarity has no crossover that changes the winner: RabbitMQ stays first from 0% to 100%.",
  );
  await expect(page.locator('[data-testid="chart-sweep"] .recharts-reference-dot')).toHaveCount(0);
});

test("moving Community activity across 43.3 % swaps the winner, through a tie at the displayed precision", async ({
  page,
}) => {
  await openBroker(page);
  const community = slider(page, "Community activity");
  const ranks = () =>
    page
      .getByTestId("ranking")
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) => `${r.getAttribute("data-candidate")} ${r.querySelector('[data-testid="rank"]')?.textContent}`),
      );
  // 43.0 %: T_R = 7·.43 + .57·7.823529 = 7.469412 (7.47) > T_K = 9·.43 + .57·6.294118 = 7.457647 (7.46).
  await community.fill("430");
  await expect(page.getByTestId("share-Community activity")).toHaveText("43.0%");
  expect(await ranks()).toEqual(["RabbitMQ 1", "Kafka 2", "Pulsar 3"]);
  // 43.3 % (just below 13/30): T_R = 7·.433 + .567·7.823529 = 7.466941 and T_K = 9·.433 + .567·6.294118 = 7.465765
  // both print 7.47, and 43.4 % (just above) gives T_K 7.468470 and T_R 7.466118, again 7.47 and 7.47: the display
  // rule shows a tie on either side of the exact crossover (model order within the tie), never "1 and 2" for 7.47 and 7.47.
  await community.fill("433");
  await expect(page.getByTestId("share-Community activity")).toHaveText("43.3%");
  expect(await ranks()).toEqual(["Kafka 1 (tie)", "RabbitMQ 1 (tie)", "Pulsar 3"]);
  await community.fill("434");
  await expect(page.getByTestId("share-Community activity")).toHaveText("43.4%");
  expect(await ranks()).toEqual(["Kafka 1 (tie)", "RabbitMQ 1 (tie)", "Pulsar 3"]);
  // 43.6 %: T_K = 3.924 + .564·6.294118 = 7.473882 (7.47) > T_R = 3.052 + .564·7.823529 = 7.464470 (7.46).
  await community.fill("436");
  await expect(page.getByTestId("share-Community activity")).toHaveText("43.6%");
  expect(await ranks()).toEqual(["Kafka 1", "RabbitMQ 2", "Pulsar 3"]);
  // The others keep their proportions: learning 20/85 · 56.4 % = 13.3 %.
  await expect(page.getByTestId("share-Learning cost")).toHaveText("13.3%");
  await page.getByRole("button", { name: "Reset to the decision's weights" }).click();
  await expect(page.getByTestId("share-Community activity")).toHaveText("15.0%");
  expect(await rankingNames(page)).toEqual(["RabbitMQ", "Kafka", "Pulsar"]);
});

test("Monte Carlo verdict matches the engine for the same seed and weights", async ({ page }) => {
  const id = await openBroker(page);
  const seed = decisionSeed(id);
  const model = brokerModel();
  const status = page.getByTestId("mc-status");
  await expect(status).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  const check = async (weightOverrides: Record<string, number> | undefined) => {
    const o = evaluateDecision(model, { weightOverrides, monteCarlo: { samples: MC_SAMPLES, seed } });
    if (!o.ok || !o.result.monteCarlo) throw new Error("engine must evaluate the broker");
    const mc = o.result.monteCarlo;
    const leader = o.result.ranking[0];
    const first = mc.pFirst.find((p) => p.candidateId === leader.candidateId)!;
    const name = model.candidates.find((c) => c.id === leader.candidateId)!.name;
    await expect(page.getByTestId("verdict-mc")).toHaveText(
      `${name} stays first in ${pct(first.p)} of 10,000 simulated weightings (standard error ${pct(first.se)}).`,
    );
    // Rank table: every cell equals the engine's rank acceptability.
    for (const [idx, c] of model.candidates.entries()) {
      const cells = mc.rankAcceptability[idx].map(pct).join("\\s*");
      await expect(page.locator(`[data-testid="rank-table"] tr[data-candidate="${c.name}"]`)).toHaveText(
        new RegExp(`${c.name}\\s*${cells}`),
      );
    }
    return mc;
  };
  await check(undefined);
  // Near the crossover the simulation is genuinely uncertain: 40 % community, others in proportion.
  await slider(page, "Community activity").fill("400");
  // The re-run can finish within a few milliseconds, so wait for its result rather than for a "running" state:
  // check() retries until the text equals the engine's figures for the new weights.
  const weights = setShare([20, 25, 15, 30, 10], 2, 0.4);
  const mc = await check(Object.fromEntries(model.criteria.map((c, k) => [c.id, weights[k]])));
  expect(mc.pWinnerFirst).toBeGreaterThan(0.05);
  expect(mc.pWinnerFirst).toBeLessThan(0.95);
  // Stacked bars: one segment per non-zero rank probability.
  const nonZero = mc.rankAcceptability.flat().filter((p) => p > 0).length;
  await expect((await chart(page, "rank-acceptability")).locator(".recharts-bar-rectangle")).toHaveCount(nonZero);
});

test("an architect saves a named scenario; names are unique; viewers see it read-only", async ({ page, browser }) => {
  const name = `Community heavy ${Date.now()}`;
  const architect = await browser.newPage();
  await signIn(architect, DEMO.ada);
  await openBroker(architect);
  await slider(architect, "Community activity").fill("500");
  await architect.getByLabel("Scenario name").fill(name);
  await architect.getByRole("button", { name: "Save current weights" }).click();
  await expect(architect.locator("#view-scenarios").getByRole("status")).toHaveText(`Saved “${name}”.`);
  const compare = architect.getByTestId("scenario-compare");
  await expect(compare.locator("thead th").last()).toHaveText(name);
  // At 50 %: Kafka 4.5 + .5·6.2941 = 7.65, RabbitMQ 3.5 + .5·7.8235 = 7.41, Pulsar 4 + .5·5.1765 = 6.59.
  await expect(compare.locator('tr[data-row="winner"] td').last()).toHaveText("Kafka");
  await expect(compare.locator('tr[data-row="Kafka"] td').last()).toHaveText("7.65");
  await expect(compare.locator('tr[data-row="RabbitMQ"] td').last()).toHaveText("7.41");
  await expect(compare.locator('tr[data-row="Pulsar"] td').last()).toHaveText("6.59");
  await architect.getByLabel("Scenario name").fill(name);
  await architect.getByRole("button", { name: "Save current weights" }).click();
  await expect(architect.locator("#view-scenarios").getByRole("alert")).toHaveText(
    "This decision already has a scenario with that name.",
  );
  await architect.close();

  await openBroker(page);
  await expect(page.getByText("Saved scenarios are shown read-only; architects can save new ones.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save current weights" })).toHaveCount(0);
  const viewerCompare = page.getByTestId("scenario-compare");
  await expect(viewerCompare.locator("thead th", { hasText: name })).toHaveCount(1);
  // Decision's weights column: RabbitMQ wins with 7.70.
  await expect(viewerCompare.locator('tr[data-row="winner"] td').nth(1)).toHaveText("RabbitMQ");
});

test("every view in English and Chinese, with screenshots", async ({ page }) => {
  for (const lang of ["en", "zh-CN"] as const) {
    if (lang === "zh-CN") {
      await page.getByLabel("Language").selectOption("zh-CN");
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    }
    await page.goto("/");
    await page.getByRole("link", { name: BROKER, exact: true }).click();
    await expect(page.locator(".recharts-wrapper > svg.recharts-surface").first()).toBeVisible();
    await expect(page.getByTestId("mc-status")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
    if (lang === "zh-CN") {
      await expect(page.getByRole("heading", { name: "画像" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "名次稳定性" })).toBeVisible();
      await expect(page.getByTestId("verdict")).toContainText("RabbitMQ 是明确的选择");
    } else {
      await expect(page.getByTestId("verdict")).toContainText(
        "RabbitMQ is the clear choice: it leads Kafka by 1.00 points.",
      );
    }
    for (const id of [
      "verdict",
      "view-ranking",
      "view-profiles",
      "view-team",
      "view-evaluators",
      "view-topsis",
      "view-sensitivity",
      "view-monte-carlo",
      "view-scenarios",
    ]) {
      const el = id === "verdict" ? page.getByTestId("verdict") : page.locator(`#${id}`);
      await el.scrollIntoViewIfNeeded();
      // Let lazily mounted charts in the section draw before the picture is taken.
      for (const surface of await el.locator(".chart-box").all())
        await expect(surface.locator("svg").first()).toBeVisible();
      await el.screenshot({ path: `/tmp/results-e2e/${lang}-${id}.png` });
    }
  }
  await page.getByLabel("语言").selectOption("en");
});

test.describe("display rule, no verdict and the scoring method (own workspace)", () => {
  test("totals that print alike are a tie; a decision with no scores gets no verdict", async ({ browser }) => {
    const ws = await createResultsWorkspace();
    const id = ws.decisions.get("broker")!;
    // Kafka familiarity 7 → 9 (+.3·2 = .6) and operations 5 → 6.584 (+.25·1.584 = .396): 6.70 + .996 = 7.696, printed
    // 7.70 like RabbitMQ's 7.70. A tie at the displayed precision (model order within it), not ranks 1 and 2 with
    // "leads by 0.00"; RabbitMQ's lead over Pulsar is 7.70 − 5.60 = 2.10.
    await setCell(id, "Team familiarity", "Kafka", 9);
    await setCell(id, "Operational complexity", "Kafka", 6.584);
    const page = await browser.newPage();
    await signIn(page, ws.email.viewer);
    await page.goto(`/decisions/${id}`);
    const verdict = page.getByTestId("verdict");
    await expect(verdict).toHaveAttribute("data-verdict", "verdict.tie");
    await expect(verdict.locator(".verdict-main")).toHaveText(
      "2 candidates tie for first place at 7.70 points: Kafka, RabbitMQ.",
    );
    const ranking = page.getByTestId("ranking");
    await expect(ranking.locator('tr[data-candidate="RabbitMQ"]')).toHaveText(/^1 \(tie\)\s*RabbitMQ\s*7\.70\s*2\.10/);
    await expect(ranking.locator('tr[data-candidate="Kafka"]')).toHaveText(/^1 \(tie\)\s*Kafka\s*7\.70\s*0\.00/);

    await clearScores(id);
    await page.reload();
    await expect(verdict).toHaveAttribute("data-verdict", "verdict.none");
    await expect(verdict.locator(".verdict-main")).toHaveText(
      "No verdict yet: no candidate has a score on every criterion.",
    );
    await expect(page.getByTestId("verdict-mc")).toHaveCount(0);
    await expect(verdict).not.toContainText("simulated weightings");
    await expect(page.getByTestId("unranked").locator("tr[data-candidate]")).toHaveCount(3);
    await page.close();
  });

  test("an architect switches to median and to AHP weights; the choice persists and reaches the report", async ({
    browser,
  }) => {
    const ws = await createResultsWorkspace();
    const id = ws.decisions.get("broker")!;
    const page = await browser.newPage();
    await signIn(page, ws.email.ada);
    await page.goto(`/decisions/${id}`);
    const summary = page.getByTestId("method-summary");
    await expect(summary).toHaveText("Cell values: mean of the evaluators. Weights: as entered in Setup.");
    await page.getByTestId("method-aggregation").selectOption("median");
    await expect(summary).toHaveText("Cell values: median of the evaluators. Weights: as entered in Setup.");
    await page.reload();
    await expect(summary).toHaveText("Cell values: median of the evaluators. Weights: as entered in Setup.");
    // Two evaluators per cell: the median is their mean, so the seed totals stay 7.70 / 6.70 / 5.60.
    await expect(page.getByTestId("ranking").locator("tbody tr").first()).toHaveText(/RabbitMQ\s*7\.70/);
    await page.goto(`/decisions/${id}/report`);
    await expect(page.getByTestId("report-method")).toHaveText(
      "Method: cell values are the median of the evaluators' scores; weights as entered.",
    );
    // AHP weights without any pairwise judgment cannot be computed: the page says so instead of using other weights.
    await page.goto(`/decisions/${id}`);
    await page.getByTestId("method-weights").selectOption("ahp");
    await expect(summary).toHaveText(
      "Cell values: median of the evaluators. Weights: from the AHP pairwise judgments.",
    );
    await expect(page.locator(".callout-error")).toContainText("No pairwise judgments have been made yet.");
    await page.close();
  });
});
