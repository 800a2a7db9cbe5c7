// The edge of the app as an outside prober sees it (issue 11): open redirects, malformed paths, cross-origin
// writes, headers on static files, admin pages for non-admins, and a throttle that a forged X-Forwarded-For
// cannot reset.
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

const PASSWORD = "a long enough passphrase";

test("?next= cannot send a signed-in user, or one signing in, to another host", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await signIn(page, DEMO.viewer);
  for (const next of ["%2F%09%2Fevil.example%2Fphish", "%2F%5Cevil.example", "%2F.%2F%2Fevil.example"]) {
    const response = await page.goto(`/sign-in?next=${next}`);
    expect(new URL(page.url()).origin).toBe(origin);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(response?.status()).toBe(200);
  }
  // CR/LF and non-ASCII used to be a 500 when the redirect header was built.
  for (const next of ["%2F%0D%0ASet-Cookie%3Aa%3Db", "%2F%E2%88%95%E2%88%95evil.example", "%2Fcaf%C3%A9"]) {
    const response = await page.goto(`/sign-in?next=${next}`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).origin).toBe(origin);
  }
  await page.context().clearCookies();
  await page.goto("/sign-in?next=%2F%09%2Fevil.example%2Fphish");
  await page.getByLabel("Email").fill(DEMO.viewer);
  await page.getByLabel("Password", { exact: true }).fill("stackwise-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/`);
});

test("a malformed percent-escape in a path is a 400 on every route, signed in or not", async ({ request }) => {
  for (const path of ["/share/%ED%A0%80", "/decisions/%E0%A4%A", "/invite/%C0", "/api/decisions/%ZZ/export/pdf"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
  }
});

test("a server action or form post from a foreign Origin is refused with 403 before the app runs", async ({
  request,
}) => {
  const response = await request.post("/sign-in", {
    headers: { "Next-Action": "0123456789abcdef", Origin: "https://evil.example", "Content-Type": "text/plain" },
    data: "[]",
  });
  expect(response.status()).toBe(403);
  const nullOrigin = await request.post("/sign-in", { headers: { Origin: "null" }, data: "x" });
  expect(nullOrigin.status()).toBe(403);
});

test("static files carry the security headers too", async ({ request }) => {
  const html = await (await request.get("/sign-in")).text();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  for (const path of [script!, "/favicon.ico"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    // Nothing but same-origin scripts (the Monte Carlo worker's chunks) may run in a static file's own context.
    expect(headers["content-security-policy"], path).toBe(
      "default-src 'none'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
    );
  }
});

test("admin pages answer 403 to a viewer, with the friendly explanation", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  for (const path of ["/settings/members", "/settings/audit", "/decisions/new"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "No access" })).toBeVisible();
  }
});

test("a forged X-Forwarded-For does not give a guesser fresh attempts", async ({ page }) => {
  const email = `e2e-xff-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Xena Forwarded");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Workspace name").fill("XFF test");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.context().clearCookies();
  await page.goto("/sign-in");
  for (let i = 0; i < 6; i++) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${i + 1}` });
    const answered = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in",
    );
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(i < 5 ? `wrong ${i}` : PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(
    page.getByRole("status").filter({ hasText: /Too many failed sign-in attempts\. Try again after/ }),
  ).toBeVisible();
});
