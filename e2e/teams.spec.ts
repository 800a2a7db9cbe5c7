// The team lead's workflow as user stories: rate skills in the grid and watch the decision's skill match move by the
// amount computed by hand (working in comments); paste a block; refuse bad values; resolve a conflict; read-only
// viewers; accessibility.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { createOrderTeamFixture, type TeamFixture } from "./support/teams-fixtures";

const cell = (page: Page, member: string, skill: string) =>
  page.locator(`td[data-member="${member}"][data-skill="${skill}"]`);
const vectorRow = (page: Page, skill: string) => page.getByTestId("team-vector").locator(`tr[data-skill="${skill}"]`);
const match = (page: Page, candidate: string) =>
  page.locator(`section[data-candidate="${candidate}"] [data-testid="skill-match-value"]`);

async function rate(page: Page, member: string, skill: string, value: string) {
  await cell(page, member, skill).click();
  await page.keyboard.type(value);
  await page.keyboard.press("Enter");
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status").first()).toHaveAttribute("data-state", "saved");
}

async function paste(page: Page, member: string, skill: string, text: string) {
  const target = cell(page, member, skill);
  await target.click();
  await target.evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", data);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

let fx: TeamFixture;
test.beforeEach(async () => {
  fx = await createOrderTeamFixture();
});

test("a team lead raises a rating by keyboard and the decision's skill match changes by the computed amount", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  // Before: top-2 AMQP (10+6)/2 = 8, JMS (6+4)/2 = 5, Streaming (7+5)/2 = 6.
  // RabbitMQ {AMQP .7, JMS .3}: .7·8 + .3·5 = 5.6 + 1.5 = 7.10. Kafka {Streaming .9, JMS .1}: 5.4 + 0.5 = 5.90.
  await page.goto(`/decisions/${fx.decisionId}/team`);
  await expect(match(page, "RabbitMQ")).toHaveText("7.10");
  await expect(match(page, "Kafka")).toHaveText("5.90");

  await page.goto(`/teams/${fx.teamId}`);
  await expect(vectorRow(page, "AMQP").getByTestId("team-level")).toHaveText("8.00");
  await expect(vectorRow(page, "AMQP").getByTestId("bus-factor")).toContainText("1");
  // Keyboard only from Mei × AMQP: Down twice reaches Lina × AMQP.
  await cell(page, "Mei Chen", "AMQP").click();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(cell(page, "Lina Park", "AMQP")).toBeFocused();
  await page.keyboard.type("9");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  // AMQP top-2 = (10 + 9)/2 = 9.5; members ≥ 7: Mei 10, Lina 9 → bus factor 2.
  await expect(vectorRow(page, "AMQP").getByTestId("team-level")).toHaveText("9.50");
  await expect(vectorRow(page, "AMQP").getByTestId("bus-factor")).toHaveText("2");
  await expect(page.getByRole("grid")).toBeVisible();
  await page.reload();
  await expect(cell(page, "Lina Park", "AMQP")).toHaveText("9");

  // RabbitMQ .7·9.5 + .3·5 = 6.65 + 1.5 = 8.15 (+1.05); Kafka uses no AMQP: still 5.90.
  await page.goto(`/decisions/${fx.decisionId}/team`);
  await expect(match(page, "RabbitMQ")).toHaveText("8.15");
  await expect(match(page, "Kafka")).toHaveText("5.90");
});

test("bulk paste of a 3×3 block writes all cells; invalid values (11, -1, text) show messages and change nothing", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto(`/teams/${fx.teamId}`);
  // Columns AMQP, JMS, Streaming are adjacent (category Messaging). Rows Mei, Tomás, Lina.
  await paste(page, "Mei Chen", "AMQP", "9\t8\t7\n6\t5\t4\n3\t2\t1\n");
  await expect(page.getByTestId("grid-notice")).toContainText("9 ratings pasted.");
  // top-2: AMQP (9+6)/2 = 7.5, JMS (8+5)/2 = 6.5, Streaming (7+4)/2 = 5.5.
  await expect(vectorRow(page, "AMQP").getByTestId("team-level")).toHaveText("7.50");
  await expect(vectorRow(page, "JMS").getByTestId("team-level")).toHaveText("6.50");
  await expect(vectorRow(page, "Streaming").getByTestId("team-level")).toHaveText("5.50");
  await page.reload();
  await expect(cell(page, "Lina Park", "Streaming")).toHaveText("1");
  await expect(cell(page, "Tomás Silva", "JMS")).toHaveText("5");

  // One paste with three bad values: nothing written, each bad cell named.
  await paste(page, "Mei Chen", "AMQP", "1\t11\n-1\tabc");
  const notice = page.getByTestId("grid-notice");
  await expect(notice).toContainText("Nothing was pasted: 3 values are not a level from 0 to 10.");
  await expect(notice).toContainText("Mei Chen × JMS: “11” — A level is between 0 and 10.");
  await expect(notice).toContainText("Tomás Silva × AMQP: “-1” — A level is between 0 and 10.");
  await expect(notice).toContainText("Tomás Silva × JMS: “abc” — Enter a number from 0 to 10.");
  await expect(cell(page, "Mei Chen", "JMS")).toHaveAttribute("aria-invalid", "true");

  // Typed bad values: the message shows, Escape cancels.
  for (const [value, message] of [
    ["11", "A level is between 0 and 10."],
    ["-1", "A level is between 0 and 10."],
    ["abc", "Enter a number from 0 to 10."],
  ]) {
    await rate(page, "Tomás Silva", "JMS", value);
    await expect(page.getByTestId("grid-edit-message")).toHaveText(message);
    await page.keyboard.press("Escape");
  }
  // RabbitMQ after the paste: .7·7.5 + .3·6.5 = 5.25 + 1.95 = 7.20 — unchanged by the refused input.
  await page.reload();
  await expect(cell(page, "Mei Chen", "AMQP")).toHaveText("9");
  await expect(cell(page, "Mei Chen", "JMS")).toHaveText("8");
  await expect(cell(page, "Tomás Silva", "AMQP")).toHaveText("6");
  await expect(cell(page, "Tomás Silva", "JMS")).toHaveText("5");
  await page.goto(`/decisions/${fx.decisionId}/team`);
  await expect(match(page, "RabbitMQ")).toHaveText("7.20");
});

test("two browser contexts edit the same rating: the second sees their value and mine and chooses", async ({
  browser,
}) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await signIn(a, DEMO.lead);
  await signIn(b, DEMO.admin);
  await a.goto(`/teams/${fx.teamId}`);
  await b.goto(`/teams/${fx.teamId}`);
  await rate(a, "Mei Chen", "JMS", "7");
  await expectSaved(a);
  // Different cells never conflict: B changes Tomás × JMS from its old page without trouble.
  await rate(b, "Tomás Silva", "JMS", "5");
  await expectSaved(b);
  await rate(b, "Mei Chen", "JMS", "3");
  const conflict = b.getByTestId("conflict");
  await expect(conflict).toContainText("Mei Chen · JMS was changed by someone else.");
  await expect(conflict).toContainText("Their value: 7");
  await expect(conflict).toContainText("Your value: 3");
  await expect(cell(b, "Mei Chen", "JMS")).toHaveText("7");
  await conflict.getByRole("button", { name: "Use mine" }).click();
  await expectSaved(b);
  await a.reload();
  await expect(cell(a, "Mei Chen", "JMS")).toHaveText("3");
  await expect(cell(a, "Tomás Silva", "JMS")).toHaveText("5");
  await a.context().close();
  await b.context().close();
});

test("a viewer reads the grid and the team fit but gets no edit control", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await page.goto(`/teams/${fx.teamId}`);
  const grid = page.getByRole("grid");
  await expect(grid).toHaveAttribute("aria-readonly", "true");
  await cell(page, "Mei Chen", "AMQP").click();
  await page.keyboard.type("3");
  await expect(page.locator("td input")).toHaveCount(0);
  await expect(cell(page, "Mei Chen", "AMQP")).toHaveText("10");
  await expect(page.getByText("Add member")).toHaveCount(0);
  await page.goto(`/decisions/${fx.decisionId}/team`);
  await expect(match(page, "RabbitMQ")).toHaveText("7.10");
  await expect(page.locator(".team-fit input, .team-fit select, .team-fit button")).toHaveCount(0);
  await page.goto("/skills");
  await expect(page.getByRole("button", { name: /Remove|Add skill/ })).toHaveCount(0);
});

test("axe finds no serious or critical violations on /teams, /teams/[id], /skills and the team tab", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  for (const path of ["/teams", `/teams/${fx.teamId}`, "/skills", `/decisions/${fx.decisionId}/team`]) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});
