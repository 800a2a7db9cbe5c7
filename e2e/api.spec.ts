// The API as a CI job uses it: a token made on the settings page, a decision framed and a benchmark snapshot posted
// with that token alone (no cookies), the recomputed results read back through the API — and the very same numbers
// on the results page in the browser. Every API response is checked against the served OpenAPI document. Expected
// figures are worked by hand in the comments.
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { conformanceChecker, type Conformance } from "@/lib/testing/openapi-conformance";
import { signIn } from "./support/auth";
import { createSetupWorkspace } from "./support/setup-fixtures";

const pct = (v: number) =>
  new Intl.NumberFormat("en", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

let conformance: Conformance;
let api: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  api = await playwrightRequest.newContext({ baseURL });
  const doc = await api.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  conformance = conformanceChecker(await doc.json());
});
test.afterAll(async () => api.dispose());

/** One API call with the token; the response must conform to the document. */
async function call(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res: APIResponse = await api.fetch(`/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...headers },
    data: body,
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  conformance.check(method, new URL(res.url()).pathname, res.status(), res.headers()["content-type"] ?? null, json);
  return { status: res.status(), headers: res.headers(), body: json };
}

test("a benchmark snapshot posted with a token gives the same numbers through the API and on the results page", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ws = await createSetupWorkspace();
  await signIn(page, ws.email.ada);

  // A token, made the way a person makes one: the settings page, by keyboard.
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await page.getByLabel("Name").fill("benchmark job");
  await page.getByRole("checkbox", { name: /^write —/ }).check();
  await page.getByRole("button", { name: "Create token" }).press("Enter");
  const secret = page.getByTestId("new-token");
  await expect(secret).toHaveValue(/^sw_pat_[A-Za-z0-9_-]{43}$/);
  const token = await secret.inputValue();
  await expect(page.getByRole("row", { name: /benchmark job/ })).toContainText("read, write");

  // Cookies do not authenticate the API, even same-origin: the page's own session cannot write through it.
  const withCookie = await page.request.post("/api/v1/decisions", { data: { title: "via cookie" } });
  expect(withCookie.status()).toBe(401);
  expect(withCookie.headers()["content-type"]).toBe("application/problem+json");

  // Frame the decision through the API: two measured criteria, three candidates.
  const created = await call(
    token,
    "POST",
    "/decisions",
    { title: "HTTP framework (CI)" },
    { "Idempotency-Key": "e2e-1" },
  );
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const tp = await call(token, "POST", `/decisions/${id}/criteria`, { name: "Throughput", weight: 60, kind: "METRIC" });
  const lat = await call(token, "POST", `/decisions/${id}/criteria`, {
    name: "P99 latency",
    weight: 40,
    kind: "METRIC",
  });
  expect((await call(token, "PATCH", `/decisions/${id}/criteria/${lat.body.id}`, { direction: "COST" })).status).toBe(
    428,
  );
  const patched = await call(
    token,
    "PATCH",
    `/decisions/${id}/criteria/${lat.body.id}`,
    { direction: "COST", unit: "ms" },
    { "If-Match": lat.headers["etag"]! },
  );
  expect(patched.status).toBe(200);
  await call(token, "PATCH", `/decisions/${id}/criteria/${tp.body.id}`, { unit: "QPS" }, { "If-Match": '"1"' });
  for (const name of ["Gin", "Echo", "Flask"])
    expect((await call(token, "POST", `/decisions/${id}/candidates`, { name })).status).toBe(201);

  // The snapshot, as scripts/bench-to-snapshot.ts writes it from autocannon output.
  const rows = (
    [
      ["Gin", "Throughput", 12000, "QPS"],
      ["Echo", "Throughput", 11000, "QPS"],
      ["Flask", "Throughput", 2000, "QPS"],
      ["Gin", "P99 latency", 10, "ms"],
      ["Echo", "P99 latency", 8, "ms"],
      ["Flask", "P99 latency", 40, "ms"],
    ] as const
  ).map(([candidate, criterion, value, unit]) => ({
    candidate,
    criterion,
    value,
    unit,
    source: "https://github.com/mcollina/autocannon",
    note: "autocannon -c 64 -d 30",
    measuredAt: "2026-11-30T08:15:00Z",
  }));
  const posted = await call(token, "POST", `/decisions/${id}/facts/bulk`, { rows }, { "Idempotency-Key": "e2e-snap" });
  expect(posted.status).toBe(200);
  expect(posted.body).toMatchObject({ created: 6, updated: 0 });
  expect(Number(posted.headers["ratelimit-remaining"])).toBeLessThan(Number(posted.headers["ratelimit-limit"]));

  // By hand: throughput → Gin 10, Echo 9, Flask 0 (observed 2000..12000); p99, lower is better → Gin
  // 10·(40−10)/32 = 9.375, Echo 10, Flask 0 (observed 8..40). Shares .6/.4: Gin 9.75, Echo 9.40, Flask 0.00.
  const results = await call(token, "GET", `/decisions/${id}/results`);
  expect(results.status).toBe(200);
  const ranking = results.body.ranking as { candidate: string; total: number; rank: number }[];
  expect(ranking.map((r) => [r.candidate, r.total.toFixed(2), r.rank])).toEqual([
    ["Gin", "9.75", 1],
    ["Echo", "9.40", 2],
    ["Flask", "0.00", 3],
  ]);
  const winnerFirst = results.body.monteCarlo.pFirst.find(
    (p: { candidateId: string }) => p.candidateId === results.body.winnerId,
  );
  expect(results.body.monteCarlo.samples).toBe(10_000);

  // The results page in the browser shows the same totals and the same Monte Carlo figure.
  await page.goto(`/decisions/${id}`);
  const table = page.getByTestId("ranking");
  await expect(table.locator("tbody tr")).toHaveCount(3);
  const onPage = await table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-candidate"),
        tr.querySelector('[data-testid="total"]')?.textContent?.trim(),
      ]),
    );
  expect(onPage).toEqual(ranking.map((r) => [r.candidate, r.total.toFixed(2)]));
  await expect(page.getByTestId("mc-status")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page.getByTestId("verdict-mc")).toContainText(
    `Gin stays first in ${pct(winnerFirst.p)} of 10,000 simulated weightings (standard error ${pct(winnerFirst.se)}).`,
  );

  // The proxy's same-origin rule refuses a cookie-carrying write from another origin, but a bearer-token call to the
  // API works whatever its Origin (the API never reads cookies, so there is nothing for a foreign page to borrow).
  const cookieCrossSite = await page.request.post("/api/v1/decisions", {
    headers: { Origin: "http://evil.example" },
    data: { title: "cross-site" },
  });
  expect(cookieCrossSite.status()).toBe(403);
  const tokenCrossOrigin = await call(token, "GET", "/me", undefined, { Origin: "http://portal.example" });
  expect(tokenCrossOrigin.status).toBe(200);
  const tokenPost = await api.post("/api/v1/decisions", {
    headers: { Authorization: `Bearer ${token}`, Origin: "http://portal.example" },
    data: { title: "From the portal" },
  });
  expect(tokenPost.status()).toBe(201);

  // Revoked on the settings page, the token stops working at once.
  await page.goto("/settings/tokens");
  await page
    .getByRole("row", { name: /benchmark job/ })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(page.getByRole("row", { name: /benchmark job/ })).toContainText("revoked");
  expect((await call(token, "GET", "/me")).status).toBe(401);
});

test("the facts page imports the same snapshot file, all or nothing, naming the bad rows", async ({ page }) => {
  const ws = await createSetupWorkspace();
  await signIn(page, ws.email.ada);
  const id = ws.decisions.get("backend-language")!;
  await page.goto(`/decisions/${id}/scores`);
  const form = page.getByRole("region", { name: "Import a metric snapshot" });
  const file = (rows: unknown[]) => ({
    name: "snapshot.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ rows })),
  });
  await form
    .getByLabel("Snapshot file (.json)")
    .setInputFiles(
      file([{ candidate: "Rust", criterion: "Throughput", value: 1, unit: "QPS", measuredAt: "2026-11-30" }]),
    );
  await form.getByRole("button", { name: "Import snapshot" }).click();
  await expect(form.getByRole("status")).toContainText("Row 1, candidate: No candidate of this decision has this name");
  await form
    .getByLabel("Snapshot file (.json)")
    .setInputFiles(
      file([{ candidate: "Go", criterion: "Throughput", value: 10500, unit: "QPS", measuredAt: "2026-11-30" }]),
    );
  await form.getByRole("button", { name: "Import snapshot" }).click();
  await expect(form.getByRole("status")).toContainText("Imported: 0 new, 1 updated.");
  await expect(page.getByLabel("Value for Go, Throughput")).toHaveValue("10500");
});
