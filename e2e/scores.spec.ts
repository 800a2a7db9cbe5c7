// Scoring together, as users do it: by keyboard, blind, in two tabs at once, with bad input. Every expected figure
// is computed by hand in the comments, never read back from the app.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { createScoresWorkspace, storedScores } from "./support/scores-fixtures";

const CRITERIA = [
  "Learning cost",
  "Operational complexity",
  "Community activity",
  "Team familiarity",
  "Ecosystem compatibility",
];
const CANDIDATES = ["Kafka", "RabbitMQ", "Pulsar"];

const grid = (page: Page) => page.getByRole("grid");
const cell = (page: Page, criterion: string, candidate: string) =>
  grid(page).locator(`tr[data-criterion="${criterion}"] td[data-candidate="${candidate}"]`);
const total = (page: Page, candidate: string) =>
  page.locator(`[data-testid="score-total"][data-candidate="${candidate}"] .total-value`);

async function openGrid(page: Page, decisionId: string) {
  await page.goto(`/decisions/${decisionId}/scores`);
  await expect(grid(page)).toBeVisible();
}

/** Types a whole grid row by row with Tab between cells, Enter after the last one: values[criterion][candidate]. */
async function typeGrid(page: Page, values: number[][], onCell?: (i: number, j: number) => Promise<void>) {
  await cell(page, CRITERIA[0], CANDIDATES[0]).click();
  for (const [i, row] of values.entries()) {
    for (const [j, v] of row.entries()) {
      await page.keyboard.type(String(v));
      const last = i === values.length - 1 && j === row.length - 1;
      await page.keyboard.press(last ? "Enter" : "Tab");
      await onCell?.(i, j);
    }
  }
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const savedText = (l: Locator) => expect(l).toHaveText("All changes saved");

// The broker figures from the product brief. Weights 20/25/15/30/10 → shares .20/.25/.15/.30/.10.
// Kafka    .20·6 + .25·5 + .15·9 + .30·7 + .10·8 = 1.20 + 1.25 + 1.35 + 2.10 + 0.80 = 6.70
// RabbitMQ .20·8 + .25·7 + .15·7 + .30·9 + .10·6 = 1.60 + 1.75 + 1.05 + 2.70 + 0.60 = 7.70
// Pulsar   .20·5 + .25·4 + .15·8 + .30·5 + .10·9 = 1.00 + 1.00 + 1.20 + 1.50 + 0.90 = 5.60
const BROKER = [
  [6, 8, 5],
  [5, 7, 4],
  [9, 7, 8],
  [7, 9, 5],
  [8, 6, 9],
];

test("an architect scores the whole grid by keyboard and the totals follow as they type", async ({ page }) => {
  const ws = await createScoresWorkspace({ scoredBy: [] });
  await signIn(page, ws.email.ada);
  await openGrid(page, ws.decisionId);
  await expect(page.getByTestId("score-notice")).toContainText("Blind scoring");
  await expectNoSeriousAxeViolations(page);

  // While the first value is still being typed (not committed), Kafka's total is already .20·6 = 1.20.
  await cell(page, CRITERIA[0], "Kafka").click();
  await page.keyboard.type("6");
  await expect(total(page, "Kafka")).toHaveText("1.20");
  await page.keyboard.press("Escape");
  await expect(total(page, "Kafka")).toHaveText("—");

  await typeGrid(page, BROKER);
  await savedText(page.getByTestId("save-status"));
  await expect(total(page, "Kafka")).toHaveText("6.70");
  await expect(total(page, "RabbitMQ")).toHaveText("7.70");
  await expect(total(page, "Pulsar")).toHaveText("5.60");
  await expect(page.getByTestId("score-progress").locator('li[data-evaluator="Ada Architect"]')).toContainText(
    "15 of 15 cells",
  );

  // Nothing lost on reload: the values and totals come back from the database.
  await page.reload();
  await expect(total(page, "Kafka")).toHaveText("6.70");
  await expect(total(page, "RabbitMQ")).toHaveText("7.70");
  await expect(total(page, "Pulsar")).toHaveText("5.60");
  await expect(cell(page, "Team familiarity", "RabbitMQ").locator(".cell-value")).toHaveText("9");
  expect((await storedScores(ws.decisionId)).length).toBe(15);

  // Ctrl+End / Ctrl+Home jump to the last / first cell; Tab from a row's end leaves the grid at once.
  await cell(page, "Operational complexity", "RabbitMQ").click();
  await page.keyboard.press("Control+End");
  await expect(cell(page, "Ecosystem compatibility", "Pulsar")).toBeFocused();
  await page.keyboard.press("Control+Home");
  await expect(cell(page, CRITERIA[0], "Kafka")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="score-grid"]')))).toBe(false);

  // Delete clears my score: Ecosystem × Pulsar (.10·9 = 0.90) leaves Pulsar at 5.60 − 0.90 = 4.70, marked incomplete.
  await cell(page, "Ecosystem compatibility", "Pulsar").click();
  await page.keyboard.press("Delete");
  await expect(total(page, "Pulsar")).toHaveText("4.70");
  await savedText(page.getByTestId("save-status"));
  await page.reload();
  await expect(total(page, "Pulsar")).toHaveText("4.70");
  await expect(page.locator('[data-testid="score-total"][data-candidate="Pulsar"]')).toContainText("incomplete");
});

test("a second architect scores blind, then sees the group average, the spread and the disagreement", async ({
  page,
  browser,
}) => {
  // Ada has scored with the template's first values; Bo enters the second values. Per cell the mean is the brief's
  // figure, so the group totals are again 6.70 / 7.70 / 5.60 (see the first test's working).
  const ws = await createScoresWorkspace({ scoredBy: ["ada"] });
  const BO = [
    [6, 8, 8],
    [6, 8, 4],
    [9, 7, 8],
    [7, 9, 5],
    [9, 7, 9],
  ];
  await signIn(page, ws.email.bo);
  await openGrid(page, ws.decisionId);
  await expect(page.getByTestId("score-notice")).toContainText("Blind scoring");
  await expect(page.getByTestId("cell-group")).toHaveCount(0);
  await expect(page.getByTestId("score-progress").locator('li[data-evaluator="Ada Architect"]')).toContainText(
    "15 of 15 cells",
  );
  await expect(page.getByTestId("score-progress").locator('li[data-evaluator="Bo Architect"]')).toContainText(
    "0 of 15 cells",
  );

  await typeGrid(page, BO, async (i, j) => {
    // Until the very last cell is in, nothing of Ada's is visible.
    if (i * 3 + j === 7) await expect(page.getByTestId("cell-group")).toHaveCount(0);
  });
  // Complete: the blind lifts. Pulsar × Learning cost: Ada 2, Bo 8 → avg 5, spread 2–8; range 6 > 40 % of 10.
  const pulsarLearning = cell(page, "Learning cost", "Pulsar");
  await expect(pulsarLearning.getByTestId("cell-group")).toHaveText("avg 5 · 2–8 · 2 evaluators");
  await expect(pulsarLearning.getByTestId("disagreement")).toBeVisible();
  // Every other pair differs by at most 2 (< 4): exactly one disagreement marker.
  await expect(page.getByTestId("disagreement")).toHaveCount(1);
  await expect(cell(page, "Operational complexity", "Kafka").getByTestId("cell-group")).toHaveText(
    "avg 5 · 4–6 · 2 evaluators",
  );
  // Under Bo's own scores, the totals of Bo's own scores (weights .20/.25/.15/.30/.10):
  // Kafka    .20·6 + .25·6 + .15·9 + .30·7 + .10·9 = 1.20 + 1.50 + 1.35 + 2.10 + 0.90 = 7.05
  // RabbitMQ .20·8 + .25·8 + .15·7 + .30·9 + .10·7 = 1.60 + 2.00 + 1.05 + 2.70 + 0.70 = 8.05
  // Pulsar   .20·8 + .25·4 + .15·8 + .30·5 + .10·9 = 1.60 + 1.00 + 1.20 + 1.50 + 0.90 = 6.20
  await expect(page.getByTestId("total-row-yourTotal").locator("th")).toContainText("Your weighted total");
  await expect(total(page, "Kafka")).toHaveText("7.05");
  await expect(total(page, "RabbitMQ")).toHaveText("8.05");
  await expect(total(page, "Pulsar")).toHaveText("6.20");
  // …and, labelled as such, the group's totals of the averages (the seed example: 6.70 / 7.70 / 5.60).
  const groupTotal = (candidate: string) =>
    page.locator(`[data-testid="group-total"][data-candidate="${candidate}"] .total-value`);
  await expect(page.getByTestId("total-row-groupTotal").locator("th")).toContainText("Group weighted total");
  await expect(groupTotal("Kafka")).toHaveText("6.70");
  await expect(groupTotal("RabbitMQ")).toHaveText("7.70");
  await expect(groupTotal("Pulsar")).toHaveText("5.60");
  await expectNoSeriousAxeViolations(page);

  // A viewer does not score, so sees the aggregate at once, read-only.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, ws.email.viewer);
  await openGrid(viewer, ws.decisionId);
  await expect(viewer.getByTestId("score-notice")).toContainText("Architects enter the scores");
  await expect(viewer.locator("#score-keyboard-help")).not.toContainText("Type a number");
  await expect(viewer.getByTestId("total-row-groupTotal")).toBeVisible();
  await expect(viewer.getByTestId("total-row-yourTotal")).toHaveCount(0);
  await expect(cell(viewer, "Learning cost", "Pulsar").locator(".cell-value")).toHaveText("5");
  await expect(total(viewer, "RabbitMQ")).toHaveText("7.70");
  await cell(viewer, "Learning cost", "Pulsar").click();
  await viewer.keyboard.type("3");
  await expect(viewer.getByRole("textbox")).toHaveCount(0);
  await viewerContext.close();
});

test("the same architect in two browsers: the second write to a cell shows both values and lets them choose", async ({
  browser,
}) => {
  const ws = await createScoresWorkspace({ scoredBy: [] });
  const [ctxA, ctxB] = [await browser.newContext(), await browser.newContext()];
  const [a, b] = [await ctxA.newPage(), await ctxB.newPage()];
  for (const p of [a, b]) {
    await signIn(p, ws.email.ada);
    await openGrid(p, ws.decisionId);
  }
  // Both start from an empty cell. A creates 6 first; B, still seeing an empty cell, tries to create 3.
  await cell(a, "Community activity", "Kafka").click();
  await a.keyboard.type("6");
  await a.keyboard.press("Enter");
  await savedText(a.getByTestId("save-status"));

  await cell(b, "Community activity", "Kafka").click();
  await b.keyboard.type("3");
  await b.keyboard.press("Enter");
  const conflict = b.getByTestId("score-conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId("conflict-theirs")).toHaveText("Saved value: 6");
  await expect(conflict.getByTestId("conflict-yours")).toHaveText("Your value: 3");
  // Nothing was overwritten while B decides.
  expect((await storedScores(ws.decisionId)).map((s) => s.value)).toEqual([6]);

  // B keeps their value: it is written on top of A's version.
  await conflict.getByRole("button", { name: "Keep my value" }).click();
  await savedText(b.getByTestId("save-status"));
  expect((await storedScores(ws.decisionId)).map((s) => s.value)).toEqual([3]);

  // A, now stale, changes the cell again: conflict the other way; A takes the saved value.
  await cell(a, "Community activity", "Kafka").click();
  await a.keyboard.type("8");
  await a.keyboard.press("Enter");
  await expect(a.getByTestId("conflict-theirs")).toHaveText("Saved value: 3");
  await expect(a.getByTestId("conflict-yours")).toHaveText("Your value: 8");
  await a.getByRole("button", { name: "Use the saved value" }).click();
  await expect(cell(a, "Community activity", "Kafka").locator(".cell-value")).toHaveText("3");
  expect((await storedScores(ws.decisionId)).map((s) => s.value)).toEqual([3]);

  // Different cells in the two browsers never conflict.
  await cell(a, "Learning cost", "Kafka").click();
  await a.keyboard.type("5");
  await a.keyboard.press("Enter");
  await cell(b, "Learning cost", "Pulsar").click();
  await b.keyboard.type("4");
  await b.keyboard.press("Enter");
  await savedText(a.getByTestId("save-status"));
  await savedText(b.getByTestId("save-status"));
  await expect(b.getByTestId("score-conflict")).toHaveCount(0);
  expect((await storedScores(ws.decisionId)).length).toBe(3);
  await ctxA.close();
  await ctxB.close();
});

test("invalid values show a message and change nothing", async ({ page }) => {
  const ws = await createScoresWorkspace({ scoredBy: [] });
  await signIn(page, ws.email.ada);
  await openGrid(page, ws.decisionId);
  const target = cell(page, "Learning cost", "Kafka");

  await target.click();
  await page.keyboard.type("11");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("score-error")).toHaveText("Kafka · Learning cost: Enter a value from 0 to 10.");
  await expect(page.getByRole("textbox", { name: "Score for Kafka, Learning cost" })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await page.keyboard.press("Escape");

  await page.keyboard.type("abc");
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("score-error")).toHaveText("Kafka · Learning cost: Enter a number, like 7 or 7.5.");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("score-error")).toHaveCount(0);

  await page.reload();
  await expect(target.locator(".cell-value")).toHaveText("—");
  expect(await storedScores(ws.decisionId)).toEqual([]);

  // A valid score, then a bad evidence link in the side panel ("i" opens it).
  await target.click();
  await page.keyboard.type("7");
  await page.keyboard.press("Enter");
  await savedText(page.getByTestId("save-status"));
  await target.click();
  await page.keyboard.press("i");
  const panel = page.getByRole("complementary", { name: "Kafka · Learning cost" });
  await expect(panel.getByLabel("Your score")).toBeFocused();
  await panel.getByLabel("Rationale").fill("Partitions take a while to learn.");
  await panel.getByLabel("Evidence link").fill("javascript:alert(1)");
  await panel.getByRole("button", { name: "Save details" }).click();
  await expect(panel.getByTestId("panel-error-evidenceUrl")).toHaveText(
    "Enter a link that starts with http:// or https://.",
  );
  await panel.getByLabel("Your score").fill("12");
  await panel.getByRole("button", { name: "Save details" }).click();
  await expect(panel.getByTestId("panel-error-value")).toHaveText("Enter a value from 0 to 10.");
  await expectNoSeriousAxeViolations(page);

  await page.reload();
  const [stored] = await storedScores(ws.decisionId);
  expect([stored.value, stored.rationale, stored.evidenceUrl]).toEqual([7, "", ""]);

  // And a good one is saved with its rationale.
  await target.click();
  await page.keyboard.press("i");
  await panel.getByLabel("Rationale").fill("Partitions take a while to learn.");
  await panel.getByLabel("Evidence link").fill("https://kafka.apache.org/documentation/");
  await panel.getByRole("button", { name: "Save details" }).click();
  await savedText(page.getByTestId("save-status"));
  const [saved] = await storedScores(ws.decisionId);
  expect([saved.value, saved.rationale, saved.evidenceUrl]).toEqual([
    7,
    "Partitions take a while to learn.",
    "https://kafka.apache.org/documentation/",
  ]);
});

test("a decided decision shows every score read-only, to the architects as much as to viewers", async ({
  page,
  browser,
}) => {
  // Ada has scored every cell with the template's first values (Kafka 6/4/9/7/7, RabbitMQ 8/6/7/9/5,
  // Pulsar 2/4/8/5/9); Bo has scored nothing, so while the decision is open Bo scores blind.
  // Kafka    .20·6 + .25·4 + .15·9 + .30·7 + .10·7 = 1.20 + 1.00 + 1.35 + 2.10 + 0.70 = 6.35
  // RabbitMQ .20·8 + .25·6 + .15·7 + .30·9 + .10·5 = 1.60 + 1.50 + 1.05 + 2.70 + 0.50 = 7.35
  // Pulsar   .20·2 + .25·4 + .15·8 + .30·5 + .10·9 = 0.40 + 1.00 + 1.20 + 1.50 + 0.90 = 5.00
  const ws = await createScoresWorkspace({ scoredBy: ["ada"] });
  const boContext = await browser.newContext();
  const bo = await boContext.newPage();
  await signIn(bo, ws.email.bo);
  await openGrid(bo, ws.decisionId);
  await expect(cell(bo, "Learning cost", "Pulsar").locator(".cell-value")).toHaveText("—");

  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${ws.decisionId}/setup`);
  await page.getByRole("button", { name: "Send to review" }).click();
  const decide = page.getByTestId("decide-form");
  await decide.getByLabel("Chosen candidate").selectOption({ label: "RabbitMQ" });
  await decide.getByLabel("Outcome rationale").fill("Highest total.");
  await decide.getByRole("button", { name: "Mark as decided" }).click();
  await expect(page.getByTestId("outcome")).toContainText("RabbitMQ");

  for (const p of [page, bo]) {
    await openGrid(p, ws.decisionId);
    await expect(p.getByTestId("score-notice")).toContainText("This decision is closed");
    await expect(cell(p, "Learning cost", "Pulsar").locator(".cell-value")).toHaveText("2");
    await expect(cell(p, "Team familiarity", "RabbitMQ").locator(".cell-value")).toHaveText("9");
    await expect(total(p, "Kafka")).toHaveText("6.35");
    await expect(total(p, "RabbitMQ")).toHaveText("7.35");
    await expect(total(p, "Pulsar")).toHaveText("5.00");
    await expect(p.locator('[data-testid="score-total"]').filter({ hasText: "incomplete" })).toHaveCount(0);
    // Read-only: typing opens no editor.
    await cell(p, "Learning cost", "Pulsar").click();
    await p.keyboard.type("3");
    await expect(p.getByRole("textbox")).toHaveCount(0);
  }
  await boContext.close();
});
