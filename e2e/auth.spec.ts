// Accounts, sessions, invitations, workspaces and roles through the browser, on the seeded demo workspace plus
// accounts each test creates for itself (unique emails, so tests never depend on each other's state).
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";

const PASSWORD = "a long enough passphrase";
const ACTION_FORMS = 'form:has(input[name^="$ACTION"])';
const uniqueEmail = (tag: string) => `e2e-${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

async function signUp(page: Page, opts: { name: string; email: string; workspace: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(opts.name);
  await page.getByLabel("Email").fill(opts.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Workspace name").fill(opts.workspace);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function attemptSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Submits and waits for the action's answer, so the next attempt cannot race React's post-submit form reset. */
async function failSignIn(page: Page, email: string, password: string) {
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in",
  );
  await attemptSignIn(page, email, password);
  await answered;
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
}

test("a signed-out visitor is sent to sign-in, and back to the page they asked for afterwards", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/settings/members");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fmembers$/);
  await attemptSignIn(page, DEMO.admin, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
});

test("sign up creates an account and a workspace where the new user is admin; sign out ends the session for good", async ({
  page,
  context,
}) => {
  const email = uniqueEmail("signup");
  await signUp(page, { name: "Sam Signup", email, workspace: "Sam's Platform" });
  const banner = page.getByRole("banner");
  await expect(banner.getByRole("link", { name: /Sam Signup/ })).toBeVisible();
  await expect(banner.getByRole("combobox", { name: "Workspace" })).toHaveValue(/.+/);
  await expect(banner.getByRole("combobox", { name: "Workspace" }).locator("option:checked")).toHaveText(
    "Sam's Platform · Admin",
  );
  await expect(banner.getByRole("link", { name: "Members" })).toBeVisible();

  const cookie = (await context.cookies()).find((c) => c.name === "stackwise_session");
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");

  await signOut(page);
  // Replaying the old cookie does not bring the session back: the row was deleted.
  await context.addCookies([cookie!]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);

  await attemptSignIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/$/);
});

test("field errors come from the shared schema and nothing is created", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("password1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("This password is too common and easy to guess. Choose another.")).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("a wrong password is refused with a message that does not say which part was wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await attemptSignIn(page, DEMO.bo, "not the demo password");
  await expect(page.getByRole("status").filter({ hasText: "Email or password is wrong." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("five failures lock the account for 15 minutes and say until when", async ({ page }) => {
  const email = uniqueEmail("throttle");
  await signUp(page, { name: "Tia Throttle", email, workspace: "Throttle test" });
  await signOut(page);
  for (let i = 0; i < 5; i++) {
    await failSignIn(page, email, `wrong password ${i}`);
    await expect(page.getByRole("status").filter({ hasText: "Email or password is wrong." })).toBeVisible();
  }
  // Even the right password is refused now, with the time to try again.
  await failSignIn(page, email, PASSWORD);
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: /Too many failed sign-in attempts\. Try again after \d\d:\d\d \(UTC\)\./ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an invitation link signs a new person up with exactly the invited role", async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/settings/members");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Team lead" });
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const guest = await browser.newContext();
  const invited = await guest.newPage();
  await invited.goto(link);
  await expect(invited.getByText("You are invited to join Acme Commerce (demo) as Team lead.")).toBeVisible();
  const email = uniqueEmail("invited");
  await invited.getByLabel("Your name").fill("Ivy Invited");
  await invited.getByLabel("Email").fill(email);
  await invited.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await invited.getByRole("button", { name: "Join workspace" }).click();
  await expect(invited).toHaveURL(/\/$/);
  await expect(
    invited.getByRole("banner").getByRole("combobox", { name: "Workspace" }).locator("option:checked"),
  ).toHaveText("Acme Commerce (demo) · Team lead");
  // A team lead is no admin.
  await expect(invited.getByRole("banner").getByRole("link", { name: "Members" })).toHaveCount(0);
  // The link is single-use.
  await invited.goto(link);
  await expect(invited.getByText("This invitation has already been used.")).toBeVisible();
  await guest.close();

  // The admin sees the new member with that role, and the event in the audit log.
  await page.goto("/settings/members");
  await expect(page.getByRole("row", { name: /Ivy Invited/ }).getByRole("combobox")).toHaveValue("TEAM_LEAD");
  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: "invitation.accepted" }).first()).toBeVisible();
});

test("an existing user accepts an invitation and switches between workspaces", async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/settings/members");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();

  const other = await browser.newContext();
  const user = await other.newPage();
  await signUp(user, { name: "Wes Switch", email: uniqueEmail("switch"), workspace: "Wes's own" });
  await expect(user.getByRole("heading", { name: "Start your first decision" })).toBeVisible();
  await user.goto(link);
  await user.getByRole("button", { name: "Join workspace" }).click();
  await expect(user).toHaveURL(/\/$/);
  const switcher = user.getByRole("banner").getByRole("combobox", { name: "Workspace" });
  await expect(switcher.locator("option:checked")).toHaveText("Acme Commerce (demo) · Viewer");
  await expect(user.getByRole("link", { name: "Message broker for order events" })).toBeVisible();

  await switcher.selectOption({ label: "Wes's own · Admin" });
  await expect(user.getByRole("heading", { name: "Start your first decision" })).toBeVisible();
  await expect(switcher.locator("option:checked")).toHaveText("Wes's own · Admin");
  await switcher.selectOption({ label: "Acme Commerce (demo) · Viewer" });
  await expect(user.getByRole("link", { name: "Message broker for order events" })).toBeVisible();
  await other.close();
});

test("a viewer sees no edit control anywhere and cannot open the admin pages", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  const banner = page.getByRole("banner");
  await expect(banner.getByRole("link", { name: "Members" })).toHaveCount(0);
  await expect(banner.getByRole("link", { name: "Audit log" })).toHaveCount(0);

  const main = page.getByRole("main");
  // A control that writes is a form bound to a server action (React renders a hidden "$ACTION_…" input for it).
  // Search/filter forms and the what-if sliders on the results view only change what the viewer sees.
  const editControls = main.locator(ACTION_FORMS);
  const editButtons = main.getByRole("button", {
    name: /\b(edit|save|delete|remove|add|new|change|invite|revoke|archive|duplicate)\b/i,
  });
  const editLinks = main.getByRole("link", { name: /\b(new decision|edit|duplicate)\b/i });
  await page.goto("/");
  await expect(main.getByRole("link", { name: "Message broker for order events" })).toBeVisible();
  await expect(editControls).toHaveCount(0);
  await expect(editButtons).toHaveCount(0);
  await expect(editLinks).toHaveCount(0);

  await main.getByRole("link", { name: "Message broker for order events" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Message broker for order events" })).toBeVisible();
  // Every view of the decision (results, scores, setup, …) is read-only for a viewer.
  const tabs = await main
    .getByRole("navigation", { name: "Decision views" })
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  expect(tabs.length).toBeGreaterThan(1);
  for (const tab of tabs) {
    await page.goto(tab);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(editControls, tab).toHaveCount(0);
    await expect(editButtons, tab).toHaveCount(0);
    await expect(editLinks, tab).toHaveCount(0);
  }

  for (const path of ["/settings/members", "/settings/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "No access" })).toBeVisible();
    await expect(editControls).toHaveCount(0);
  }
});

test("admins change roles; the last admin cannot be demoted", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/settings/members");
  // The same selector the viewer test relies on does find an admin's action forms.
  expect(await page.getByRole("main").locator(ACTION_FORMS).count()).toBeGreaterThan(5);
  const self = page.getByRole("row", { name: /Alex Admin/ });
  await self.getByRole("combobox").selectOption("VIEWER");
  await self.getByRole("button", { name: "Change role" }).click();
  await expect(self.getByRole("status")).toHaveText(
    "A workspace needs at least one admin. Make someone else an admin first.",
  );
});

test("pages carry a nonce-based CSP and the other security headers", async ({ request, page }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval"); // production build
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=()");
  // Next puts the same nonce on its scripts, so the page hydrates (no CSP violations).
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(await response.text()).toContain(`nonce="${nonce}"`);
  const violations: string[] = [];
  page.on(
    "console",
    (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && violations.push(m.text()),
  );
  await signIn(page, DEMO.viewer);
  await page.getByRole("link", { name: "Message broker for order events" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the account pages speak Chinese and pass an accessibility scan", async ({ page, context }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: "http://127.0.0.1" }]);
  for (const path of ["/sign-in", "/sign-up"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).include("main").analyze();
    expect(results.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
  }
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
  await page.getByLabel("电子邮箱").fill(DEMO.lead);
  await page.getByLabel("密码", { exact: true }).fill("wrong password!");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("status").filter({ hasText: "电子邮箱或密码错误。" })).toBeVisible();
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner").getByRole("combobox", { name: "工作区" }).locator("option:checked")).toHaveText(
    "Acme Commerce (demo) · 团队负责人",
  );
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "你的账号" })).toBeVisible();
  const results = await new AxeBuilder({ page }).include("main").analyze();
  expect(results.violations.map((v) => `/account: ${v.id}`)).toEqual([]);
});
