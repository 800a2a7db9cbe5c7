// The architect's framing workflow as user stories: create from a template, weights with live shares, keyboard
// reorder, remove + undo, conflicts between two people, validation, the status flow and read-only access.
// Every test works in its own copy of the demo workspace (support/setup-fixtures.ts).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { criterionNames, criterionRows, criterionShares, rowByName } from "./support/criterion-rows";
import { addDecisions, auditEvents, createSetupWorkspace, type SetupWorkspace } from "./support/setup-fixtures";

const BROKER = "Message broker for order events";

let ws: SetupWorkspace;
test.beforeEach(async () => {
  ws = await createSetupWorkspace();
});

const names = criterionNames;
const shares = criterionShares;

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
}

async function openSetup(page: Page, decisionId: string) {
  await page.goto(`/decisions/${decisionId}/setup`);
  await expect(page.getByRole("link", { name: "Setup" })).toHaveAttribute("aria-current", "page");
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("an architect creates a decision from the broker template, reweighs, reorders by keyboard, removes and undoes", async ({
  page,
}) => {
  await signIn(page, ws.email.ada);
  await page.getByRole("link", { name: "New decision" }).click();
  await expect(page).toHaveURL(/\/decisions\/new$/);
  await expectNoSeriousViolations(page);
  await page.getByLabel("Message broker (Kafka, RabbitMQ, Pulsar)").check();
  await expect(page.getByLabel("Title")).toHaveValue(BROKER);
  await page.getByLabel("Title").fill("Broker for order events, 2026");
  await page.getByLabel("Owning team").selectOption({ label: "Order platform" });
  await page.getByRole("button", { name: "Create decision" }).click();
  // A new decision opens on its matrix; the detailed editors are one tab away.
  await expect(page).toHaveURL(/\/decisions\/[^/]+\/matrix$/);
  await page.getByRole("navigation", { name: "Decision views" }).getByRole("link", { name: "Setup" }).click();
  await expect(page).toHaveURL(/\/decisions\/[^/]+\/setup$/);
  await expect(page.getByRole("heading", { level: 1, name: "Broker for order events, 2026" })).toBeVisible();
  const decisionId = page.url().split("/decisions/")[1].split("/")[0];

  expect(await names(page)).toEqual([
    "Learning cost",
    "Operational complexity",
    "Community activity",
    "Team familiarity",
    "Ecosystem compatibility",
  ]);
  // Weights 20/25/15/30/10 sum to 100: shares are the weights in percent.
  expect(await shares(page)).toEqual(["20.0%", "25.0%", "15.0%", "30.0%", "10.0%"]);
  await expect(page.getByTestId("candidate-row")).toHaveCount(3);
  await expectNoSeriousViolations(page);

  // 30 → 60: the sum becomes 130; 20/130 = 0.15385, 25/130 = 0.19231, 15/130 = 0.11538, 60/130 = 0.46154,
  // 10/130 = 0.07692 → 15.4 %, 19.2 %, 11.5 %, 46.2 %, 7.7 %. Shares update while typing, before any save.
  const familiarity = rowByName(page, "Team familiarity");
  await familiarity.getByLabel("Weight").fill("60");
  await expect.poll(() => shares(page)).toEqual(["15.4%", "19.2%", "11.5%", "46.2%", "7.7%"]);
  await expectSaved(page);

  // Keyboard: the "Move up" button, then Alt+ArrowUp inside a row.
  await familiarity.getByRole("button", { name: "Move Team familiarity up" }).focus();
  await page.keyboard.press("Enter");
  await expect
    .poll(() => names(page))
    .toEqual([
      "Learning cost",
      "Operational complexity",
      "Team familiarity",
      "Community activity",
      "Ecosystem compatibility",
    ]);
  await expect(page.getByRole("button", { name: "Move Team familiarity up" })).toBeFocused();
  await rowByName(page, "Ecosystem compatibility").getByLabel("Name", { exact: true }).focus();
  await page.keyboard.press("Alt+ArrowUp");
  const reordered = [
    "Learning cost",
    "Operational complexity",
    "Team familiarity",
    "Ecosystem compatibility",
    "Community activity",
  ];
  await expect.poll(() => names(page)).toEqual(reordered);
  await expect(page.getByText("Ecosystem compatibility moved to position 4 of 5.")).toBeVisible();

  // Remove with undo.
  await page.getByRole("button", { name: "Remove Operational complexity" }).click();
  await expect(criterionRows(page)).toHaveCount(4);
  await expect(page.getByTestId("undo-bar")).toContainText("Removed Operational complexity.");
  await page.getByTestId("undo-bar").getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => names(page)).toEqual(reordered);

  // Nothing lost on reload: order, weight, restored row.
  await page.reload();
  expect(await names(page)).toEqual(reordered);
  await expect(rowByName(page, "Team familiarity").getByLabel("Weight")).toHaveValue("60");
  // Shares follow the new order: learning, ops, familiarity, ecosystem, community.
  expect(await shares(page)).toEqual(["15.4%", "19.2%", "46.2%", "7.7%", "11.5%"]);
  expect((await auditEvents(decisionId, "criterion.reordered")).length).toBe(2);
});

test("two architects rename the same criterion: the second sees both values and chooses; different rows never conflict", async ({
  browser,
}) => {
  const decisionId = ws.decisions.get("broker")!;
  const adaContext = await browser.newContext();
  const boContext = await browser.newContext();
  const ada = await adaContext.newPage();
  const bo = await boContext.newPage();
  await signIn(ada, ws.email.ada);
  await signIn(bo, ws.email.bo);
  await openSetup(ada, decisionId);
  await openSetup(bo, decisionId);

  await rowByName(ada, "Learning cost").getByLabel("Name", { exact: true }).fill("Learning curve");
  await expectSaved(ada);

  // Bo still shows the old row. A different row saves without any conflict…
  await rowByName(bo, "Community activity").getByLabel("Weight").fill("18");
  await expectSaved(bo);
  // …the same field conflicts, shows both values and writes nothing until Bo chooses.
  const boRow = rowByName(bo, "Learning cost");
  await boRow.getByLabel("Name", { exact: true }).fill("Ramp-up time");
  await boRow.getByLabel("Name", { exact: true }).blur();
  const conflict = bo.getByTestId("conflict");
  await expect(conflict).toContainText("Ada Architect changed this while you were editing.");
  await expect(conflict.getByTestId("conflict-theirs")).toHaveText("Learning curve");
  await expect(conflict.getByTestId("conflict-mine")).toHaveText("Ramp-up time");
  // Not saved, and the pill says so.
  await expect(bo.getByTestId("save-status")).toHaveAttribute("data-state", "conflict");
  await expect(bo.getByTestId("save-status")).not.toHaveText("All changes saved");
  await ada.reload();
  await expect(criterionRows(ada).first().getByLabel("Name", { exact: true })).toHaveValue("Learning curve");
  await expect(rowByName(ada, "Community activity").getByLabel("Weight")).toHaveValue("18");

  await conflict.getByRole("button", { name: "Use mine" }).click();
  await expect(conflict).toHaveCount(0);
  await expectSaved(bo);
  await ada.reload();
  await expect(criterionRows(ada).first().getByLabel("Name", { exact: true })).toHaveValue("Ramp-up time");

  // The same weight: Ada sets Ecosystem compatibility to 30, Bo (not reloaded) types 50 over the old 10.
  await rowByName(ada, "Ecosystem compatibility").getByLabel("Weight").fill("30");
  await expectSaved(ada);
  const boEco = rowByName(bo, "Ecosystem compatibility");
  await boEco.getByLabel("Weight").fill("50");
  await boEco.getByLabel("Weight").blur();
  const weightConflict = boEco.getByTestId("conflict");
  await expect(weightConflict.getByTestId("conflict-theirs")).toHaveText("30");
  await expect(bo.getByTestId("save-status")).toHaveAttribute("data-state", "conflict");
  // Weights 20 / 25 / 18 / 30 and the stored 30: 30 / 123 = 24.4 %; the unsaved 50 would give 50 / 143 = 35.0 %.
  await expect(boEco.getByTestId("share").locator(".share-value")).toHaveText("24.4%");
  // The box beside a narrow weight field is readable, not one word per line.
  expect((await weightConflict.boundingBox())!.width).toBeGreaterThan(250);
  await weightConflict.getByRole("button", { name: "Keep theirs" }).click();
  await expectSaved(bo);
  await adaContext.close();
  await boContext.close();
});

test("invalid values show field messages and change nothing", async ({ page }) => {
  const decisionId = ws.decisions.get("broker")!;
  await signIn(page, ws.email.ada);
  await openSetup(page, decisionId);
  const row = criterionRows(page).first();

  await row.getByLabel("Weight").fill("-5");
  await expect(row.getByText("A weight must be 0 or more.")).toBeVisible();
  await expect(row.getByLabel("Weight")).toHaveAttribute("aria-invalid", "true");
  await row.getByLabel("Name", { exact: true }).fill("");
  await expect(row.getByText("Enter a name.")).toBeVisible();
  await row.getByText("Details of Learning cost").click();
  await row.getByLabel("Scale minimum").fill("10");
  await expect(row.getByText("The scale minimum must be below the maximum (default 0–10).")).toBeVisible();
  const kafka = page.getByTestId("candidate-row").first();
  await kafka.getByLabel("Link").fill("kafka.apache.org");
  await expect(kafka.getByText("Enter a full http:// or https:// address.")).toBeVisible();
  await kafka.getByLabel("Link").blur();
  await page.getByRole("button", { name: "Add criterion" }).click();
  await expect(page.getByTestId("add-criterion").getByText("Enter a name.")).toBeVisible();
  await expectSaved(page);

  // Nothing was written.
  await page.reload();
  const fresh = criterionRows(page).first();
  await expect(fresh.getByLabel("Name", { exact: true })).toHaveValue("Learning cost");
  await expect(fresh.getByLabel("Weight")).toHaveValue("20");
  await fresh.getByText("Details of Learning cost").click();
  await expect(fresh.getByLabel("Scale minimum")).toHaveValue("0");
  await expect(page.getByTestId("candidate-row").first().getByLabel("Link")).toHaveValue("https://kafka.apache.org/");
  await expect(criterionRows(page)).toHaveCount(5);
  expect(await auditEvents(decisionId, "criterion.updated")).toEqual([]);

  // The Chinese catalog has the same messages.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.reload();
  await criterionRows(page).first().getByLabel("权重").fill("-1");
  await expect(criterionRows(page).first().getByText("权重必须大于或等于 0。")).toBeVisible();
});

test("deciding locks the setup; reopening brings the editors back and is audited", async ({ page }) => {
  const decisionId = ws.decisions.get("broker")!;
  await signIn(page, ws.email.ada);
  await openSetup(page, decisionId);
  await page.getByRole("button", { name: "Send to review" }).click();
  await expect(page.getByText("Current status:").locator("..")).toContainText("In review");

  // Deciding needs a candidate and a rationale.
  const decide = page.getByTestId("decide-form");
  await decide.getByRole("button", { name: "Mark as decided" }).click();
  await expect(decide.getByText("Pick the chosen candidate.")).toBeVisible();
  await expect(decide.getByText("Write why this candidate was chosen.")).toBeVisible();
  await decide.getByLabel("Chosen candidate").selectOption({ label: "RabbitMQ" });
  await decide.getByLabel("Outcome rationale").fill("Highest total; Mei ran it in production.");
  await decide.getByRole("button", { name: "Mark as decided" }).click();

  await expect(page.getByTestId("outcome")).toContainText("RabbitMQ");
  await expect(page.getByTestId("setup-read-only")).toBeVisible();
  await expect(page.getByTestId("setup-editor")).toHaveCount(0);
  await expect(page.locator("main").getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);

  // Superseding picks a decision of this workspace.
  await page
    .getByTestId("supersede-form")
    .getByLabel("Superseded by")
    .selectOption({ label: "Garbage collector for the payments service" });
  await page.getByRole("button", { name: "Mark as superseded" }).click();
  await expect(
    page.getByTestId("outcome").getByRole("link", { name: "Garbage collector for the payments service" }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Reopen for review" }).click();
  await expect(page.getByTestId("setup-editor")).toBeVisible();
  await criterionRows(page).first().getByLabel("Weight").fill("21");
  await expectSaved(page);
  const reopened = await auditEvents(decisionId, "decision.reopened");
  expect(reopened).toHaveLength(1);
  expect(reopened[0].actor?.name).toBe("Ada Architect");
  expect(reopened[0].before).toMatchObject({ status: "SUPERSEDED" });
  expect(reopened[0].after).toMatchObject({ status: "IN_REVIEW" });
});

test("the decisions list filters, searches and sorts by URL; archive, unarchive and duplicate", async ({ page }) => {
  await signIn(page, ws.email.ada);
  await page.goto("/");
  await expectNoSeriousViolations(page);
  const list = page.getByTestId("decision-list");
  await page.getByLabel("Search titles").fill("garbage");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=garbage/);
  await expect(list.locator("tbody tr")).toHaveCount(1);

  await page.goto("/?sort=title");
  const titles = (await list.locator("tbody th").allInnerTexts()).map((s) => s.trim());
  expect(titles).toEqual([
    "Backend language for the API gateway",
    "Garbage collector for the payments service",
    BROKER,
  ]);
  await page.goto(`/?team=${"none"}`);
  await expect(page.getByText("No decisions match these filters.")).toBeVisible();

  await page.goto("/");
  await page.getByRole("button", { name: "Archive Garbage collector for the payments service" }).click();
  await expect(page.getByText("Decision archived.")).toBeVisible();
  await expect(list.locator("tbody tr")).toHaveCount(2);
  await page.getByLabel("Show archived").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(list.locator("tbody tr")).toHaveCount(3);
  await page.getByRole("button", { name: "Unarchive Garbage collector for the payments service" }).click();
  await expect(page.getByText("Decision restored from the archive.")).toBeVisible();

  await page.getByRole("button", { name: `Duplicate ${BROKER}` }).click();
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { level: 1, name: `${BROKER} (copy)` })).toBeVisible();
  await expect(criterionRows(page)).toHaveCount(5);
});

test("the decisions list pages by 25 and a page link keeps search and sort", async ({ page }) => {
  // 30 matching drafts beside the 3 demo decisions: pages of 25 and 5 for the search.
  await addDecisions(ws, "Paged decision", 30);
  await signIn(page, ws.email.viewer);
  await page.goto("/");
  const list = page.getByTestId("decision-list");
  const pager = page.getByRole("navigation", { name: "Decision list pages" });
  await expect(list.locator("tbody tr")).toHaveCount(25);
  await expect(pager).toContainText("Page 1 of 2");

  await page.getByLabel("Search titles").fill("PAGED");
  await page.getByLabel("Sort").selectOption({ label: "Title" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(pager).toContainText("Page 1 of 2");
  await expect(pager.getByRole("link", { name: "Previous" })).toHaveCount(0);
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/q=PAGED/);
  await expect(page).toHaveURL(/sort=title/);
  await expect(page).toHaveURL(/page=2/);
  await expect(pager).toContainText("Page 2 of 2");
  // By title, page 2 holds the 26th to 30th.
  expect((await list.locator("tbody th").allInnerTexts()).map((s) => s.trim())).toEqual(
    [26, 27, 28, 29, 30].map((n) => `Paged decision ${n}`),
  );
  await expect(page.getByLabel("Search titles")).toHaveValue("PAGED");
  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(list.locator("tbody tr")).toHaveCount(25);
  await expect(list.locator("tbody th").first()).toHaveText("Paged decision 01");

  // A page past the end, or no number at all, shows a real page instead of an error.
  const far = await page.goto("/?q=paged&page=999");
  expect(far?.status()).toBe(200);
  await expect(pager).toContainText("Page 2 of 2");
  await page.goto("/?page=abc");
  await expect(pager).toContainText("Page 1 of 2");
});

test("a viewer sees no edit control anywhere in the framing workflow", async ({ page }) => {
  await signIn(page, ws.email.viewer);
  await page.goto("/");
  await expect(page.getByTestId("decision-list")).toBeVisible();
  await expect(page.getByRole("link", { name: "New decision" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Duplicate|Archive) / })).toHaveCount(0);
  await openSetup(page, ws.decisions.get("broker")!);
  await expect(page.getByTestId("setup-read-only")).toBeVisible();
  const main: Locator = page.locator("main");
  await expect(main.getByRole("textbox")).toHaveCount(0);
  await expect(main.getByRole("combobox")).toHaveCount(0);
  await expect(main.getByRole("button")).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await page.goto("/decisions/new");
  await expect(page.getByRole("button", { name: "Create decision" })).toHaveCount(0);
});

test("rows can also be dragged into place (native HTML5 drag and drop)", async ({ page }) => {
  await signIn(page, ws.email.ada);
  await openSetup(page, ws.decisions.get("broker")!);
  const candidates = page.getByTestId("candidate-row");
  const candidateNames = () =>
    candidates.getByLabel("Name", { exact: true }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(await candidateNames()).toEqual(["Kafka", "RabbitMQ", "Pulsar"]);
  // Source and target both on screen (Playwright's drag cannot scroll mid-drag; a person's browser auto-scrolls).
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.getByRole("heading", { name: "Candidates" }).scrollIntoViewIfNeeded();
  await candidates.nth(2).locator(".drag-handle").dragTo(candidates.nth(0).locator(".drag-handle"));
  await expect.poll(candidateNames).toEqual(["Pulsar", "Kafka", "RabbitMQ"]);
  // The move shows on screen at once; the shared indicator says when it is stored (and until then leaving asks).
  await expectSaved(page);
  await page.reload();
  expect(await candidateNames()).toEqual(["Pulsar", "Kafka", "RabbitMQ"]);
});

test("the list's filters work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, ws.email.viewer);
  await page.goto("/");
  await page.getByLabel("Status").selectOption({ label: "Draft" });
  await page.getByLabel("Team").selectOption({ label: "API gateway" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=DRAFT/);
  await expect(page).toHaveURL(/team=/);
  const rows = page.getByTestId("decision-list").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Backend language for the API gateway");
  await context.close();
});
