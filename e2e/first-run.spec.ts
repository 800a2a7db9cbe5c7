// First run: a workspace without decisions greets each role with its next step instead of "No decisions yet." and an
// empty filter bar.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { createEmptyWorkspace } from "./support/empty-workspace-fixtures";

test("an architect in an empty workspace starts from a template in two clicks", async ({ page }) => {
  const ws = await createEmptyWorkspace();
  await signIn(page, ws.email.ada);
  await page.goto("/");
  const start = page.getByTestId("first-run");
  await expect(start).toHaveAttribute("data-role", "author");
  await expect(page.getByText("No decisions yet.")).toHaveCount(0);
  await expect(page.getByRole("search")).toHaveCount(0);
  await expect(start.getByRole("heading", { name: "Start your first decision" })).toBeVisible();
  await expect(start.getByRole("heading", { name: "How it works" })).toBeVisible();
  await expect(start.getByRole("link", { name: "Import a spreadsheet or JSON" })).toHaveAttribute(
    "href",
    "/decisions/import",
  );
  // The three templates, each with its size.
  await expect(start.locator(".template-cards li")).toHaveCount(3);
  await expect(start.locator(".template-cards li").first()).toContainText("5 criteria, 3 candidates");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  await start.getByRole("link", { name: "Message broker (Kafka, RabbitMQ, Pulsar)" }).click();
  await expect(page).toHaveURL(/\/decisions\/new\?template=broker$/);
  await expect(page.getByLabel("Message broker (Kafka, RabbitMQ, Pulsar)")).toBeChecked();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Message broker for order events");
  await page.getByRole("button", { name: "Create decision" }).click();
  // New decisions open on the Matrix, where an architect builds and scores them like a sheet.
  await expect(page).toHaveURL(/\/decisions\/[^/]+\/matrix/);

  // With a decision in the workspace the ordinary list and its filters are back.
  await page.goto("/");
  await expect(page.getByTestId("first-run")).toHaveCount(0);
  await expect(page.getByRole("search")).toBeVisible();
  await expect(
    page.getByTestId("decision-list").getByRole("link", { name: "Message broker for order events", exact: true }),
  ).toBeVisible();
});

test("an admin is offered import; a team lead, teams and skills; a viewer, what they will be able to do", async ({
  browser,
}) => {
  const ws = await createEmptyWorkspace();
  const cases = [
    {
      email: ws.email.admin,
      role: "author",
      heading: "Start your first decision",
      link: "Import a spreadsheet or JSON",
    },
    { email: ws.email.lead, role: "lead", heading: "No decisions to look at yet", link: "Go to teams" },
    { email: ws.email.viewer, role: "viewer", heading: "Nothing to read yet", link: null },
  ] as const;
  for (const c of cases) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, c.email);
    await page.goto("/");
    const start = page.getByTestId("first-run");
    await expect(start).toHaveAttribute("data-role", c.role);
    await expect(start.getByRole("heading", { level: 2, name: c.heading })).toBeVisible();
    await expect(page.getByRole("search")).toHaveCount(0);
    if (c.link) await expect(start.getByRole("link", { name: c.link })).toBeVisible();
    if (c.role !== "author") {
      // Only authors get creation links.
      await expect(start.getByRole("link", { name: /template|Import/ })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "New decision" })).toHaveCount(0);
    }
    if (c.role === "viewer") await expect(start).toContainText("download the report as PDF");
    if (c.role === "lead") {
      await start.getByRole("link", { name: "Go to teams" }).click();
      await expect(page).toHaveURL(/\/teams$/);
    }
    await context.close();
  }
});

test("the guided start in Chinese uses the zh-CN texts", async ({ page }) => {
  const ws = await createEmptyWorkspace();
  await signIn(page, ws.email.viewer);
  // Playwright's default 1280 px viewport shows the whole header row, language menu included.
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.getByTestId("first-run").getByRole("heading", { name: "暂时没有可查看的内容" })).toBeVisible();
  await expect(page.getByTestId("first-run").getByRole("heading", { name: "使用方法" })).toBeVisible();
});
