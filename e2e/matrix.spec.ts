// The matrix view as user stories: a new architect builds and scores a decision by pasting a block from a
// spreadsheet and reads the ranked result; spreadsheet keys and undo; inline kind, direction and unit; adding a row
// or a column by typing at the edge; two people editing the same weight; and a bad paste that writes nothing.
// Every test works in its own copy of the demo workspace (support/matrix-fixtures.ts).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import {
  createBlankDecision,
  createDecisionWith,
  createMatrixWorkspace,
  readDecisionRows,
} from "./support/matrix-fixtures";

let ws: Awaited<ReturnType<typeof createMatrixWorkspace>>;
test.beforeEach(async () => {
  ws = await createMatrixWorkspace();
});

const grid = (page: Page) => page.getByTestId("matrix-grid");
/** A cell by its row (criterion name, "header" or "new") and column (candidate name, a field, or "new"). */
const cell = (page: Page, row: string, col: string) => grid(page).locator(`tr[data-row="${row}"] [data-col="${col}"]`);
const total = (page: Page, candidate: string) =>
  page.locator(`[data-testid="matrix-total"][data-candidate="${candidate}"] .total-value`);
const status = (page: Page) => page.getByTestId("matrix-status");
const insideGrid = (page: Page) =>
  page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="matrix-grid"]')));

/** What a spreadsheet puts on the clipboard, pasted into the focused cell (as Ctrl+V would). */
async function pasteInto(target: Locator, text: string) {
  await target.evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", data);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

const tsv = (rows: (string | number)[][]) => rows.map((r) => r.join("\t")).join("\r\n") + "\r\n";

test("a new architect pastes a 5 × 4 block into an empty decision and reads the ranked result", async ({ page }) => {
  // The block as copied from a spreadsheet: percentages for weights, one decimal comma (6,5).
  const BLOCK = tsv([
    ["Criterion", "Weight", "Kafka", "RabbitMQ", "Pulsar", "NATS"],
    ["Learning cost", "20%", "6,5", 8, 5, 9],
    ["Operational complexity", "25%", 5, 7, 4, 8],
    ["Community activity", "15%", 9, 7, 8, 6],
    ["Team familiarity", "30%", 7, 9, 5, 4],
    ["Ecosystem compatibility", "10%", 8, 6, 9, 5],
  ]);
  // By hand, shares .20/.25/.15/.30/.10 (the weights sum to 100):
  // Kafka    .20·6.5 + .25·5 + .15·9 + .30·7 + .10·8 = 1.30 + 1.25 + 1.35 + 2.10 + 0.80 = 6.80
  // RabbitMQ .20·8   + .25·7 + .15·7 + .30·9 + .10·6 = 1.60 + 1.75 + 1.05 + 2.70 + 0.60 = 7.70
  // Pulsar   .20·5   + .25·4 + .15·8 + .30·5 + .10·9 = 1.00 + 1.00 + 1.20 + 1.50 + 0.90 = 5.60
  // NATS     .20·9   + .25·8 + .15·6 + .30·4 + .10·5 = 1.80 + 2.00 + 0.90 + 1.20 + 0.50 = 6.40
  // Ranking RabbitMQ 7.70 > Kafka 6.80 > NATS 6.40 > Pulsar 5.60; RabbitMQ leads by 7.70 − 6.80 = 0.90.
  await signIn(page, ws.email.ada);
  await page.getByRole("link", { name: "New decision" }).click();
  await page.getByLabel("Blank decision").check();
  await page.getByLabel("Title").fill("Broker for the order stream");
  await page.getByRole("button", { name: "Create decision" }).click();
  await expect(page).toHaveURL(/\/decisions\/[^/]+\/matrix$/);
  const decisionId = page.url().split("/decisions/")[1].split("/")[0];
  await expect(page.getByText("Add criteria with a weight above zero")).toBeVisible();

  const start = cell(page, "new", "name");
  await start.click();
  await pasteInto(start, BLOCK);
  await expect(page.getByTestId("paste-done")).toHaveText("Pasted: 5 criteria and 4 candidates added, 20 values set.");
  await expect(cell(page, "Learning cost", "Kafka")).toHaveText("6.5");
  await expect(cell(page, "Team familiarity", "share")).toHaveText("30.0%");
  await expect(total(page, "Kafka")).toHaveText("6.80");
  await expect(total(page, "RabbitMQ")).toHaveText("7.70");
  await expect(total(page, "Pulsar")).toHaveText("5.60");
  await expect(total(page, "NATS")).toHaveText("6.40");
  await expect(page.getByTestId("matrix-ranking").locator("li")).toHaveText([
    "1 RabbitMQ 7.70",
    "2 Kafka 6.80",
    "3 NATS 6.40",
    "4 Pulsar 5.60",
  ]);
  const rows = await readDecisionRows(decisionId);
  expect(rows.criteria.map((c) => [c.name, c.weight, c.kind])).toEqual([
    ["Learning cost", 20, "RATING"],
    ["Operational complexity", 25, "RATING"],
    ["Community activity", 15, "RATING"],
    ["Team familiarity", 30, "RATING"],
    ["Ecosystem compatibility", 10, "RATING"],
  ]);
  expect(rows.scores).toHaveLength(20);
  expect(rows.scores.every((s) => s.evaluatorId === ws.adaId)).toBe(true);
  const axe = await new AxeBuilder({ page }).include('[aria-labelledby="matrix-heading"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: test.info().outputPath("matrix-1440.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("matrix-390.png"), fullPage: true });
  // The sheet scrolls inside its own frame: the matrix section fits the phone's width.
  const fit = await page.locator("section.matrix-page").evaluate((el) => ({
    right: el.getBoundingClientRect().right,
    overflow: el.scrollWidth - el.clientWidth,
  }));
  expect(fit.right).toBeLessThanOrEqual(390);
  expect(fit.overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });

  // A few keystrokes later: Tab out of the grid onto the ranking's link, Enter, and the results page agrees.
  await page.getByRole("link", { name: "See the full results" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/decisions/${decisionId}$`));
  const ranking = page.getByTestId("ranking");
  await expect(ranking.locator("tbody tr")).toHaveCount(4);
  expect(await ranking.locator("tbody tr").evaluateAll((r) => r.map((x) => x.getAttribute("data-candidate")))).toEqual([
    "RabbitMQ",
    "Kafka",
    "NATS",
    "Pulsar",
  ]);
  await expect(ranking.getByTestId("total")).toHaveText(["7.70", "6.80", "6.40", "5.60"]);
  await expect(ranking.getByTestId("margin").first()).toHaveText("0.90");

  // Results at a glance. At 1440 × 900 the first screen holds the verdict (winner, margin, rank stability) and the
  // ranking table with its margins.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByTestId("verdict")).toContainText("RabbitMQ");
  await expect(page.getByTestId("verdict-mc")).toBeVisible({ timeout: 30_000 });
  for (const el of [page.getByTestId("verdict"), ranking]) {
    const box = (await el.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(900);
  }
  await page.screenshot({ path: test.info().outputPath("results-first-screen-1440.png") });
  // The glance ranking inside the verdict is for narrow screens only; here the table beside it says it.
  await expect(page.getByTestId("verdict-ranking")).toBeHidden();
  // The section nav lists only what this decision has (no owning team, one evaluator): every link goes somewhere.
  const nav = page.getByTestId("view-nav");
  await expect(nav.getByRole("link")).toHaveText([
    "Ranking",
    "What-if",
    "Scenarios",
    "Profiles",
    "Second opinion",
    "Sensitivity",
    "Rank stability",
  ]);
  for (const href of await nav.getByRole("link").evaluateAll((a) => a.map((x) => x.getAttribute("href")!)))
    await expect(page.locator(href)).toHaveCount(1);

  // A what-if share typed beside its slider: Team familiarity at 50 %, the others keep their proportions
  // (20 : 25 : 15 : 10 share the other 50 %: .1429 / .1786 / .1071 / .0714). By hand:
  // Kafka    .1429·6.5 + .1786·5 + .1071·9 + .5·7 + .0714·8 = 4.70·(50/70) + 3.5 = 6.857 → 6.86
  // RabbitMQ 5.00·(50/70) + .5·9 = 3.571 + 4.5 = 8.071 → 8.07
  // NATS     5.20·(50/70) + .5·4 = 3.714 + 2.0 = 5.714 → 5.71
  // Pulsar   4.10·(50/70) + .5·5 = 2.929 + 2.5 = 5.429 → 5.43
  const familiarity = page.getByRole("spinbutton", { name: "Team familiarity: share in %" });
  await familiarity.fill("50");
  await expect(page.getByRole("slider", { name: "Team familiarity", exact: true })).toHaveAttribute(
    "aria-valuetext",
    "50.0%",
  );
  await expect(ranking.getByTestId("total")).toHaveText(["8.07", "6.86", "5.71", "5.43"]);
  await familiarity.fill("150");
  await expect(page.getByText("Enter a share from 0 to 100 %.")).toBeVisible();
  await expect(page.getByTestId("share-Team familiarity")).toHaveText("50.0%");

  // Sections fold, and stay folded on the next visit; jumping to a folded section opens it.
  await page.getByRole("button", { name: "Hide Sensitivity" }).click();
  await expect(page.locator("#view-sensitivity")).toBeHidden();
  await page.reload();
  await expect(page.getByRole("button", { name: "Show Sensitivity" })).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator("#view-sensitivity")).toBeHidden();
  await page.getByTestId("view-nav").getByRole("link", { name: "Sensitivity" }).click();
  await expect(page.locator("#view-sensitivity")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("results-1440.png") });
});

test("spreadsheet keys: Ctrl+Home / Ctrl+End, Tab leaves at a row's end, Ctrl+Z / Ctrl+Y replay the saves", async ({
  page,
}) => {
  const id = await createDecisionWith(ws, "Keys", {
    criteria: [
      ["Ops", 1],
      ["Docs", 1],
    ],
    candidates: ["A", "B"],
    adaScores: [["Ops", "A", 4]],
  });
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/matrix`);
  await cell(page, "Ops", "A").click();
  await page.keyboard.press("Control+End");
  await expect(cell(page, "Docs", "B")).toBeFocused();
  await page.keyboard.press("Control+Home");
  await expect(cell(page, "header", "name")).toBeFocused();
  // Tab walks one row at most, then the grid hands focus back to the page.
  await cell(page, "Docs", "A").click();
  await page.keyboard.press("Tab");
  await expect(cell(page, "Docs", "B")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(cell(page, "Docs", "new")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await insideGrid(page)).toBe(false);

  // Edit, undo, redo: each goes through the versioned save, so the database follows.
  const opsA = async () =>
    (await readDecisionRows(id)).scores.find((s) => s.evaluatorId === ws.adaId && s.value !== undefined)?.value;
  await cell(page, "Ops", "A").click();
  await page.keyboard.type("9");
  await page.keyboard.press("Enter");
  await expect(cell(page, "Ops", "A")).toHaveText("9");
  await expect(status(page)).toHaveText("All changes saved");
  await expect.poll(opsA).toBe(9);
  await page.keyboard.press("Control+z");
  await expect(cell(page, "Ops", "A")).toHaveText("4");
  await expect(cell(page, "Ops", "A")).toBeFocused();
  await expect.poll(opsA).toBe(4);
  await page.keyboard.press("Control+y");
  await expect(cell(page, "Ops", "A")).toHaveText("9");
  await expect.poll(opsA).toBe(9);
  await expect(status(page)).toHaveText("All changes saved");
});

test("a pasted block is one undo step: Ctrl+Z takes back its values and the rows it created, Ctrl+Y restores them", async ({
  page,
}) => {
  const id = await createDecisionWith(ws, "Undo paste", {
    criteria: [
      ["Ops", 1],
      ["Docs", 1],
    ],
    candidates: ["A", "B"],
    adaScores: [
      ["Ops", "A", 4],
      ["Docs", "A", 6],
      ["Ops", "B", 2],
      ["Docs", "B", 6],
    ],
  });
  // Before, by hand (shares .5/.5): A = .5·4 + .5·6 = 5.00, B = .5·2 + .5·6 = 4.00.
  // The block raises Ops's weight to 3, changes Ops·A 4 → 8 and Docs·B 6 → 9 (Ops·B blank: left as it is), and
  // creates the criterion Cost (weight 1) and the candidate C. After, shares 3/5, 1/5, 1/5:
  // A = .6·8 + .2·6 + .2·2 = 4.80 + 1.20 + 0.40 = 6.40
  // B = .6·2 + .2·9 + .2·3 = 1.20 + 1.80 + 0.60 = 3.60
  // C = .6·5 + .2·7 + .2·4 = 3.00 + 1.40 + 0.80 = 5.20
  const BLOCK = tsv([
    ["", "Weight", "A", "B", "C"],
    ["Ops", 3, 8, "", 5],
    ["Docs", "", "", 9, 7],
    ["Cost", 1, 2, 3, 4],
  ]);
  const mine = async () =>
    (await readDecisionRows(id)).scores
      .filter((s) => s.evaluatorId === ws.adaId)
      .map((s) => s.value)
      .sort((a, b) => a - b);
  const names = async () => {
    const rows = await readDecisionRows(id);
    return {
      criteria: rows.criteria.map((c) => [c.name, c.weight]),
      candidates: rows.candidates.map((c) => c.name),
    };
  };
  const before = async () => {
    await expect(grid(page).locator('tr[data-row="Cost"]')).toHaveCount(0);
    await expect(cell(page, "header", "C")).toHaveCount(0);
    await expect(cell(page, "Ops", "weight")).toHaveText("1");
    await expect(cell(page, "Ops", "A")).toHaveText("4");
    await expect(cell(page, "Docs", "B")).toHaveText("6");
    await expect(total(page, "A")).toHaveText("5.00");
    await expect(total(page, "B")).toHaveText("4.00");
    await expect.poll(names).toEqual({
      criteria: [
        ["Ops", 1],
        ["Docs", 1],
      ],
      candidates: ["A", "B"],
    });
    await expect.poll(mine).toEqual([2, 4, 6, 6]);
  };
  const after = async () => {
    await expect(cell(page, "Ops", "weight")).toHaveText("3");
    await expect(cell(page, "Ops", "A")).toHaveText("8");
    await expect(cell(page, "Docs", "B")).toHaveText("9");
    await expect(cell(page, "Cost", "C")).toHaveText("4");
    await expect(total(page, "A")).toHaveText("6.40");
    await expect(total(page, "B")).toHaveText("3.60");
    await expect(total(page, "C")).toHaveText("5.20");
    await expect.poll(names).toEqual({
      criteria: [
        ["Ops", 3],
        ["Docs", 1],
        ["Cost", 1],
      ],
      candidates: ["A", "B", "C"],
    });
    // Ada's ratings: Ops 8, 2, 5; Docs 6, 9, 7; Cost 2, 3, 4.
    await expect.poll(mine).toEqual([2, 2, 3, 4, 5, 6, 7, 8, 9]);
  };

  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/matrix`);
  await before();
  const start = cell(page, "Ops", "A");
  await start.click();
  await pasteInto(start, BLOCK);
  await expect(page.getByTestId("paste-done")).toBeVisible();
  await after();

  await page.keyboard.press("Control+z");
  await before();
  await expect(status(page)).toHaveText("All changes saved");
  // Still in the grid: the next key reaches it.
  expect(await insideGrid(page)).toBe(true);

  await page.keyboard.press("Control+y");
  await after();
  await expect(status(page)).toHaveText("All changes saved");
  await expect(page.getByTestId("matrix-failures")).toHaveCount(0);
  await expect(page.getByTestId("matrix-conflicts")).toHaveCount(0);

  // And the results page agrees with the matrix (same figures by hand: C 5.20 between A 6.40 and B 3.60).
  await page.goto(`/decisions/${id}`);
  await expect(page.getByTestId("ranking").getByTestId("total")).toHaveText(["6.40", "5.20", "3.60"]);
});

/** Types a criterion into the blank last row and a candidate into the blank last column. */
async function typeAtEdges(page: Page, criterion: string, candidate: string) {
  await cell(page, "new", "name").click();
  await page.keyboard.type(criterion);
  await page.keyboard.press("Enter");
  await expect(grid(page).locator(`tr[data-row="${criterion}"]`)).toBeVisible();
  await grid(page).locator('tr[data-row="header"] [data-col="new"]').click();
  await page.keyboard.type(candidate);
  await page.keyboard.press("Enter");
  await expect(cell(page, "header", candidate)).toHaveText(candidate);
}

test("a row typed at the edge is one undo step, and an undo never removes a row someone else has rated", async ({
  page,
  browser,
}) => {
  const id = await createBlankDecision(ws.workspaceId, "Edge undo", ws.adaId);
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/matrix`);
  await typeAtEdges(page, "Security", "Vault");
  // Undo the column, redo it: the same candidate comes back (same id).
  const vaultId = (await readDecisionRows(id)).candidates[0].id;
  await page.keyboard.press("Control+z");
  await expect(cell(page, "header", "Vault")).toHaveCount(0);
  await expect.poll(async () => (await readDecisionRows(id)).candidates.length).toBe(0);
  await page.keyboard.press("Control+y");
  await expect(cell(page, "header", "Vault")).toHaveText("Vault");
  await expect.poll(async () => (await readDecisionRows(id)).candidates.map((c) => c.id)).toEqual([vaultId]);

  // Bo rates Security · Vault in another browser; Ada's undo of "Vault" would delete Bo's rating, so it is refused
  // and says so.
  const other = await browser.newContext();
  const bo = await other.newPage();
  await signIn(bo, ws.email.bo);
  await bo.goto(`/decisions/${id}/matrix`);
  await cell(bo, "Security", "Vault").click();
  await bo.keyboard.type("6");
  await bo.keyboard.press("Enter");
  await expect(status(bo)).toHaveText("All changes saved");
  await other.close();
  await cell(page, "header", "Vault").click();
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("matrix-failures")).toContainText("Not removed: someone changed this row");
  expect((await readDecisionRows(id)).candidates.map((c) => c.name)).toEqual(["Vault"]);
  expect((await readDecisionRows(id)).scores.map((s) => s.value)).toEqual([6]);
});

test("kind, direction and unit are edited in place; a metric's cells are its measured facts", async ({ page }) => {
  const id = await createDecisionWith(ws, "Inline", {
    criteria: [
      ["Ops", 1],
      ["Latency", 1],
    ],
    candidates: ["A", "B"],
  });
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/matrix`);
  await cell(page, "Latency", "kind").click();
  await page.keyboard.press("F2");
  await page.getByRole("combobox", { name: "Latency, Kind" }).selectOption("METRIC");
  await page.keyboard.press("Tab");
  await expect(cell(page, "Latency", "kind")).toHaveText("Metric");
  await expect(cell(page, "Latency", "direction")).toBeFocused();
  await page.keyboard.press("F2");
  await page.getByRole("combobox", { name: "Latency, Direction" }).selectOption("COST");
  await page.keyboard.press("Tab");
  await expect(cell(page, "Latency", "direction")).toHaveText("Lower is better");
  await page.keyboard.type("ms");
  await page.keyboard.press("Tab");
  await expect(cell(page, "Latency", "unit")).toHaveText("ms");
  await page.keyboard.type("120");
  await page.keyboard.press("Tab");
  await page.keyboard.type("80 ms");
  await page.keyboard.press("Enter");
  // Each cell says when its own save has landed (or that it failed, which would show here).
  await expect(cell(page, "Latency", "A")).toHaveAttribute("data-state", "saved");
  await expect(cell(page, "Latency", "B")).toHaveAttribute("data-state", "saved");
  await expect(status(page)).toHaveText("All changes saved");
  await expect(cell(page, "Latency", "A")).toContainText("120");
  await expect
    .poll(async () => (await readDecisionRows(id)).facts.map((f) => [f.value, f.unit]))
    .toEqual([
      [120, "ms"],
      [80, "ms"],
    ]);
  const latency = (await readDecisionRows(id)).criteria.find((c) => c.name === "Latency")!;
  expect([latency.kind, latency.direction, latency.unit]).toEqual(["METRIC", "COST", "ms"]);
  // A rating refuses a value off its scale, in place, and nothing is sent.
  await cell(page, "Ops", "A").click();
  await page.keyboard.type("11");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("matrix-edit-error")).toHaveText("Ops · A: Enter a value from 0 to 10.");
  await page.keyboard.press("Escape");
  expect((await readDecisionRows(id)).scores).toEqual([]);
});

test("typing into the blank last row or column adds a criterion or a candidate", async ({ page }) => {
  const id = await createBlankDecision(ws.workspaceId, "Edges", ws.adaId);
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/matrix`);
  await typeAtEdges(page, "Security", "Vault");
  await cell(page, "Security", "Vault").click();
  await page.keyboard.type("8");
  await page.keyboard.press("Enter");
  // One criterion at the default weight 10, one candidate, one rating: Vault's total is 8.00.
  await expect(total(page, "Vault")).toHaveText("8.00");
  const rows = await readDecisionRows(id);
  expect(rows.criteria.map((c) => [c.name, c.weight])).toEqual([["Security", 10]]);
  expect(rows.candidates.map((c) => c.name)).toEqual(["Vault"]);
  await expect.poll(async () => (await readDecisionRows(id)).scores.map((s) => s.value)).toEqual([8]);
});

test("two architects change the same weight: the second sees both values and the share keeps the saved one", async ({
  page,
  browser,
}) => {
  const id = await createDecisionWith(ws, "Weights", {
    criteria: [
      ["Ops", 1],
      ["Docs", 1],
    ],
    candidates: ["A"],
  });
  const boContext = await browser.newContext();
  const bo = await boContext.newPage();
  await signIn(bo, ws.email.bo);
  await bo.goto(`/decisions/${id}/matrix`);
  await expect(cell(bo, "Ops", "share")).toHaveText("50.0%");

  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/matrix`);
  await cell(page, "Ops", "weight").click();
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveText("All changes saved");
  // 3 / (3 + 1) = 75.0 %
  await expect(cell(page, "Ops", "share")).toHaveText("75.0%");

  // Bo still sees weight 1 and types 5 over it.
  await cell(bo, "Ops", "weight").click();
  await bo.keyboard.type("5");
  await bo.keyboard.press("Enter");
  const box = bo.getByTestId("matrix-conflict");
  await expect(box.getByTestId("conflict-theirs")).toHaveText("Saved value: 3");
  await expect(box.getByTestId("conflict-yours")).toHaveText("Your value: 5");
  await expect(status(bo)).toHaveText("Not saved: a colleague changed a value first — choose which one to keep.");
  // The share is the stored 3 / 4 = 75.0 %, not the unsaved 5 / 6 = 83.3 %.
  await expect(cell(bo, "Ops", "share")).toHaveText("75.0%");
  // The conflict box is readable, not one word per line.
  const { width } = (await box.boundingBox())!;
  expect(width).toBeGreaterThan(300);
  await box.getByRole("button", { name: "Keep my value" }).click();
  await expect(status(bo)).toHaveText("All changes saved");
  await expect(cell(bo, "Ops", "share")).toHaveText("83.3%");
  expect((await readDecisionRows(id)).criteria.find((c) => c.name === "Ops")!.weight).toBe(5);
  await boContext.close();
});

test("a bad paste names each bad cell and writes nothing", async ({ page }) => {
  const id = await createDecisionWith(ws, "Bad paste", {
    criteria: [["Ops", 1]],
    candidates: ["A"],
    adaScores: [["Ops", "A", 5]],
  });
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/matrix`);
  const before = await readDecisionRows(id);
  const target = cell(page, "Ops", "A");
  await target.click();

  // Read in the browser: a word where a number belongs, a duplicate candidate. Nothing is sent.
  await pasteInto(
    target,
    tsv([
      ["", "A", "B", "b"],
      ["Ops", 3, "seven", 2],
    ]),
  );
  const problems = page.getByTestId("paste-problem");
  await expect(problems).toHaveText([
    "D1 (b): This name appears twice in the block.",
    "C2 (Ops · B): Enter a number, like 7, 7.5 or 7,5.",
  ]);
  expect(await readDecisionRows(id)).toEqual(before);

  // Checked by the server against the stored criterion: 12 is off Ops's 0–10 scale, so the new candidate B and the
  // new criterion Docs are not created either.
  await pasteInto(
    target,
    tsv([
      ["", "Weight", "A", "B"],
      ["Ops", 2, 12, 3],
      ["Docs", 1, 4, 4],
    ]),
  );
  await expect(problems).toHaveText(["C2 (Ops · A): Enter a value from 0 to 10."]);
  expect(await readDecisionRows(id)).toEqual(before);
  await expect(cell(page, "Ops", "A")).toHaveText("5");
  await expect(grid(page).locator('tr[data-row="Docs"]')).toHaveCount(0);
});

test("a viewer reads the matrix: no edge to type into, no editor, no paste, and read-only keyboard help", async ({
  page,
}) => {
  const id = await createDecisionWith(ws, "Read only", {
    criteria: [["Ops", 1]],
    candidates: ["A"],
    adaScores: [["Ops", "A", 6]],
  });
  await signIn(page, ws.email.viewer);
  await page.goto(`/decisions/${id}/matrix`);
  await expect(page.locator("#matrix-help")).not.toContainText("Type to edit");
  await expect(grid(page).locator('tr[data-row="new"]')).toHaveCount(0);
  await cell(page, "Ops", "A").click();
  await page.keyboard.type("3");
  await expect(grid(page).getByRole("textbox")).toHaveCount(0);
  // The group's figures: the only rating is Ada's 6, so the cell and the total (one criterion) are 6 / 6.00.
  await expect(cell(page, "Ops", "A")).toHaveText("6");
  await expect(total(page, "A")).toHaveText("6.00");
  await expect(page.getByTestId("matrix-totals").locator("th")).toContainText("Group weighted total");
  await pasteInto(
    cell(page, "Ops", "A"),
    tsv([
      ["", "A"],
      ["Ops", 9],
    ]),
  );
  await expect(page.getByTestId("paste-done")).toHaveCount(0);
  expect((await readDecisionRows(id)).scores.map((s) => s.value)).toEqual([6]);
});
