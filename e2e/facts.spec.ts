// Facts vs opinions, as a team uses them: one architect enters the measured values once (with unit and source), both
// architects score only the ratings, progress counts only the ratings, and after the decision is decided every value
// and unit is still on the page. Expected figures are worked by hand in the comments.
import { expect, test, type Page } from "@playwright/test";
import { BACKEND_TEMPLATE } from "@/lib/templates/demo";
import { signIn } from "./support/auth";
import { createScoresWorkspace } from "./support/scores-fixtures";

// The backend load test: criterion → [Go, Python] in the criterion's unit.
const FACTS: [string, string, [number, number]][] = [
  ["Throughput", "QPS", [9842, 6135]],
  ["Average latency", "ms", [50.7, 81.3]],
  ["Error rate", "%", [0, 0.12]],
  ["Memory", "MB", [96, 512]],
  ["Deploy package size", "MB", [15, 300]],
];
const RATINGS = ["Learning curve", "Library ecosystem"];

const grid = (page: Page) => page.getByRole("grid");
const progressOf = (page: Page, name: string) =>
  page.getByTestId("score-progress").locator(`li[data-evaluator="${name}"]`);

/** Types the opinion grid row by row (Tab between cells, Enter after the last): values[criterion][candidate]. */
async function typeRatings(page: Page, values: number[][]) {
  await grid(page).locator(`tr[data-criterion="${RATINGS[0]}"] td[data-candidate="Go"]`).click();
  for (const [i, row] of values.entries())
    for (const [j, v] of row.entries()) {
      await page.keyboard.type(String(v));
      await page.keyboard.press(i === values.length - 1 && j === row.length - 1 ? "Enter" : "Tab");
    }
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
}

test("facts are entered once, opinions by everyone; decided, every value and unit is still shown", async ({
  browser,
}) => {
  const ws = await createScoresWorkspace({ template: BACKEND_TEMPLATE, scoredBy: [] });
  const adaPage = await (await browser.newContext()).newPage();
  const boPage = await (await browser.newContext()).newPage();

  // Ada enters the measurements, by keyboard: value, Enter (saves and moves to Python), value, Enter.
  await signIn(adaPage, ws.email.ada);
  await adaPage.goto(`/decisions/${ws.decisionId}/scores`);
  const facts = adaPage.getByTestId("facts");
  await expect(facts.getByTestId("facts-table")).toHaveCount(5);
  await expect(adaPage.getByLabel("Unit for Go, Throughput")).toHaveValue("QPS");
  await adaPage.getByLabel("Source link for Go, Throughput").fill("https://github.com/wg/wrk");
  for (const [criterion, , [go, python]] of FACTS) {
    await adaPage.getByLabel(`Value for Go, ${criterion}`).click();
    await adaPage.keyboard.type(String(go));
    await adaPage.keyboard.press("Enter");
    await expect(adaPage.getByLabel(`Value for Python, ${criterion}`)).toBeFocused();
    await adaPage.keyboard.type(String(python));
    await adaPage.keyboard.press("Enter");
  }
  await expect(adaPage.getByTestId("facts-status")).toHaveText("All changes saved");
  // Observed 6,135 … 9,842 QPS; latency has stated references 150 ms (worst) and 30 ms (best).
  await expect(facts.locator('[data-criterion="Throughput"] [data-testid="points-basis"]')).toHaveText(
    "Points from the observed range: 6,135 QPS (0 points) to 9,842 QPS (10 points)",
  );
  await expect(facts.locator('[data-criterion="Average latency"] [data-testid="points-basis"]')).toHaveText(
    "Points from the stated reference values: worst 150 ms (0 points), best 30 ms (10 points)",
  );

  // The opinion grid has no metric rows, and progress counts only the 2 ratings × 2 candidates.
  await expect(grid(adaPage).locator('tr[data-criterion="Throughput"]')).toHaveCount(0);
  await expect(progressOf(adaPage, "Ada Architect")).toContainText("0 of 4 cells");
  await typeRatings(adaPage, [
    [8, 9],
    [7, 9],
  ]);
  await expect(progressOf(adaPage, "Ada Architect")).toContainText("4 of 4 cells");

  // Bo sees Ada's facts at once (facts are never blind) and is asked only for the ratings.
  await signIn(boPage, ws.email.bo);
  await boPage.goto(`/decisions/${ws.decisionId}/scores`);
  await expect(boPage.getByLabel("Value for Go, Throughput")).toHaveValue("9842");
  await expect(boPage.getByLabel("Value for Python, Error rate")).toHaveValue("0.12");
  await expect(boPage.locator('[data-criterion="Throughput"] tr[data-candidate="Go"]')).toContainText("Ada Architect");
  await expect(grid(boPage).locator('tr[data-criterion="Throughput"]')).toHaveCount(0);
  await expect(progressOf(boPage, "Bo Architect")).toContainText("0 of 4 cells");
  await typeRatings(boPage, [
    [7, 9],
    [8, 8],
  ]);
  await expect(progressOf(boPage, "Bo Architect")).toContainText("4 of 4 cells");

  // Results: ratings Go 7.5 / 7.5, Python 9 / 8.5; skill match Go 6.5, Python 7.7 (gateway team).
  // Go     = .2·10 + .2·8.275 + .1·10 + .1·10 + .05·10 + .1·7.5 + .15·7.5 + .1·6.5 = 8.68
  // Python = .2·0 + .2·5.725 + .1·0 + .1·0 + .05·0 + .1·9 + .15·8.5 + .1·7.7 = 4.09
  await adaPage.goto(`/decisions/${ws.decisionId}`);
  const rows = adaPage.getByTestId("ranking").locator("tbody tr");
  await expect(rows.nth(0)).toContainText("Go");
  await expect(rows.nth(0)).toContainText("8.68");
  await expect(rows.nth(1)).toContainText("4.09");

  // Ada decides.
  await adaPage.goto(`/decisions/${ws.decisionId}/setup`);
  await adaPage.getByRole("button", { name: "Send to review" }).click();
  const decide = adaPage.getByTestId("decide-form");
  await decide.getByLabel("Chosen candidate").selectOption({ label: "Go" });
  await decide.getByLabel("Outcome rationale").fill("Twice the throughput at a sixth of the memory.");
  await decide.getByRole("button", { name: "Mark as decided" }).click();
  await expect(adaPage.getByTestId("outcome")).toContainText("Go");

  // Decided: the facts are read-only but every value and unit is shown; the opinion grid still shows the ratings.
  await adaPage.goto(`/decisions/${ws.decisionId}/scores`);
  await expect(adaPage.getByTestId("facts")).toContainText("closed");
  await expect(adaPage.getByTestId("facts").getByRole("textbox")).toHaveCount(0);
  for (const [criterion, unit, [go, python]] of FACTS) {
    const table = adaPage.locator(`[data-testid="facts-table"][data-criterion="${criterion}"]`);
    const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 4 });
    await expect(table.locator('tr[data-candidate="Go"] [data-testid="fact-value"]')).toHaveText(fmt(go));
    await expect(table.locator('tr[data-candidate="Python"] [data-testid="fact-value"]')).toHaveText(fmt(python));
    await expect(table.locator('tr[data-candidate="Go"]')).toContainText(unit);
  }
  await expect(
    adaPage.locator('[data-criterion="Throughput"] tr[data-candidate="Go"]').getByRole("link", { name: "source" }),
  ).toHaveAttribute("href", "https://github.com/wg/wrk");
  // A manager reads the decided grid: every rating with both evaluators, learning Go (8 + 7) / 2 = 7.5, Python 9;
  // the measured values sit in the facts tables above it, not in the grid.
  const viewerPage = await (await browser.newContext()).newPage();
  await signIn(viewerPage, ws.email.viewer);
  await viewerPage.goto(`/decisions/${ws.decisionId}/scores`);
  const learningGo = grid(viewerPage).locator(`tr[data-criterion="${RATINGS[0]}"] td[data-candidate="Go"]`);
  await expect(learningGo).toContainText("7.5");
  await expect(learningGo).toContainText("2 evaluators");
  await expect(grid(viewerPage).locator('tr[data-criterion="Throughput"]')).toHaveCount(0);
  await expect(
    viewerPage.locator('[data-testid="facts-table"][data-criterion="Throughput"] tr[data-candidate="Go"]'),
  ).toContainText("9,842");

  // The results' score matrix: measured value in its unit beside the points, and how the points were derived.
  await adaPage.goto(`/decisions/${ws.decisionId}`);
  const matrix = adaPage.getByTestId("score-matrix");
  await expect(matrix).toContainText("9,842 QPS");
  await expect(matrix).toContainText("50.7 ms");
  await expect(matrix).toContainText("10.00 points");
  await expect(matrix).toContainText(
    "Points from the stated reference values: worst 150 ms (0 points), best 30 ms (10 points)",
  );
});
