// The header (a menu on narrow screens, only sign-in for anonymous visitors) and the smaller navigation fixes:
// creating a team opens it, the team-fit tab links to where the owning team is set, viewers share read-only links
// unless an admin switched that off.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { addTeamlessDecision, createEmptyWorkspace } from "./support/empty-workspace-fixtures";
import { createReportWorkspace } from "./support/report-fixtures";

test("anonymous visitors see no Decisions, Teams or Skills links", async ({ page }) => {
  for (const path of ["/sign-in", "/sign-up"]) {
    await page.goto(path);
    const header = page.locator("header.app-header");
    await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
    for (const name of ["Decisions", "Teams", "Skills"])
      await expect(header.getByRole("link", { name })).toHaveCount(0);
    await expect(header.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  }
});

test.describe("at 390 px the header is a menu", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a button opens it, Escape closes it, focus goes in and comes back", async ({ page }) => {
    const ws = await createReportWorkspace();
    await signIn(page, ws.email.admin);
    await page.goto("/");
    const toggle = page.getByRole("button", { name: "Menu" });
    const header = page.locator("header.app-header");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(header.getByRole("link", { name: "Teams" })).toBeHidden();
    await expect(header.getByRole("combobox", { name: "Workspace" })).toBeHidden();

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const menuId = await toggle.getAttribute("aria-controls");
    const menu = page.locator(`[id="${menuId}"]`);
    for (const name of ["Decisions", "Teams", "Skills", "Members", "Audit log"])
      await expect(menu.getByRole("link", { name })).toBeVisible();
    await expect(menu.getByRole("combobox", { name: "Workspace" })).toBeVisible();
    await expect(menu.getByRole("combobox", { name: "Language" })).toBeVisible();
    await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
    // Focus moved to the first item of the menu; everything fits the screen.
    await expect(menu.getByRole("link", { name: "Decisions" })).toBeFocused();
    for (const box of await menu
      .locator("a, select, button")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual(390);

    await page.keyboard.press("Escape");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(toggle).toBeFocused();
    await expect(menu).toBeHidden();

    // Following a link closes the menu.
    await toggle.click();
    await menu.getByRole("link", { name: "Teams" }).click();
    await expect(page).toHaveURL(/\/teams$/);
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
  });
});

test("at 1440 px there is no menu button: the whole header is one row", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const ws = await createReportWorkspace();
  await signIn(page, ws.email.admin);
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  const header = page.locator("header.app-header");
  await expect(header.getByRole("link", { name: "Teams" })).toBeVisible();
  await expect(header.getByRole("combobox", { name: "Workspace" })).toBeVisible();
  const height = await header.evaluate((h) => h.getBoundingClientRect().height);
  expect(height).toBeLessThan(80);
});

test("creating a team opens the new team", async ({ page }) => {
  const ws = await createEmptyWorkspace();
  await signIn(page, ws.email.lead);
  await page.goto("/teams");
  const create = page.getByRole("region", { name: "Create a team" });
  await create.getByLabel("Name").fill("Checkout squad");
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/teams\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Checkout squad" })).toBeVisible();
});

test("a decision without a team links from Team fit to the Setup tab where the team is set", async ({ page }) => {
  const ws = await createEmptyWorkspace();
  const id = await addTeamlessDecision(ws.workspaceId);
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/team`);
  const note = page.locator(".callout", { hasText: "no owning team" });
  await expect(note).not.toContainText("decision header");
  await note.getByRole("link", { name: "Setup tab" }).click();
  await expect(page).toHaveURL(new RegExp(`/decisions/${id}/setup#header-heading$`));
  await expect(page.getByLabel("Owning team")).toBeVisible();
});

test("a viewer creates a share link (audited); after the admin switches it off the viewer cannot", async ({
  browser,
}) => {
  const ws = await createReportWorkspace();
  const id = ws.decisions.get("broker")!;
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, ws.email.viewer);
  await viewer.goto(`/decisions/${id}/report`);
  await viewer.getByRole("button", { name: "Create share link" }).click();
  const url = await viewer.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]+$/);
  // Viewers create but do not revoke.
  await expect(viewer.getByRole("button", { name: "Revoke" })).toHaveCount(0);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ws.email.admin);
  await admin.goto("/settings/audit");
  const row = admin.locator("tr", { hasText: "share_link.created" }).first();
  await expect(row).toContainText("Max Manager");
  await expect(row).toContainText('"role":"VIEWER"');

  await admin.goto("/settings/members");
  await admin.getByLabel("Viewers may create share links").selectOption("off");
  await admin.getByRole("button", { name: "Save setting" }).click();
  await expect(admin.getByText("Setting saved.")).toBeVisible();
  await admin.goto("/settings/audit");
  await expect(admin.locator("tr", { hasText: "workspace.settings_changed" }).first()).toContainText(
    '{"viewerShareLinks":false}',
  );

  await viewer.reload();
  await expect(viewer.getByRole("heading", { name: "Export" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Create share link" })).toHaveCount(0);
  // The link made before the switch still opens the report.
  const anonymous = await browser.newContext();
  const shared = await anonymous.newPage();
  await shared.goto(url);
  await expect(shared.getByTestId("report-total")).toHaveText(["6.70", "7.70", "5.60"]);
  await Promise.all([viewerContext.close(), adminContext.close(), anonymous.close()]);
});
