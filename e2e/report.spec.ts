// Reports, exports, share links and import, end to end. Expected totals are computed by hand:
// weights 20/25/15/30/10; Kafka .2·6+.25·5+.15·9+.3·7+.1·8 = 6.70, RabbitMQ 7.70, Pulsar 5.60.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { countRows, createReportWorkspace, expireShareLinks } from "./support/report-fixtures";

const TOTALS = ["6.70", "7.70", "5.60"];

async function download(page: Page, format: string) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(`a[data-format="${format}"]`).click()]);
  return { name: dl.suggestedFilename(), path: (await dl.path())! };
}

test("a viewer downloads every format and each agrees with the screen", async ({ page }) => {
  const ws = await createReportWorkspace();
  const id = ws.decisions.get("broker")!;
  await signIn(page, ws.email.viewer);
  await page.goto(`/decisions/${id}/report`);
  await expect(page.getByTestId("report-total")).toHaveText(["6.70", "7.70", "5.60"]);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  const pdf = await download(page, "pdf");
  expect(pdf.name).toBe("Message broker for order events.pdf");
  const text = execFileSync("pdftotext", [pdf.path, "-"]).toString();
  for (const t of TOTALS) expect(text).toContain(t);

  const md = readFileSync((await download(page, "md")).path, "utf8");
  expect(md).toContain("| **Total** | | | **6.70** | **7.70** | **5.60** |");

  const csv = readFileSync((await download(page, "csv")).path, "utf8");
  expect(csv).toContain("Total,100,1.0000,6.70,7.70,5.60");

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download(page, "xlsx")).path);
  const sheet = wb.worksheets[0];
  const total = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === "Total")!;
  expect([4, 5, 6].map((k) => (total.getCell(k).value as { result: number }).result.toFixed(2))).toEqual(TOTALS);

  const json = JSON.parse(readFileSync((await download(page, "json")).path, "utf8"));
  expect(json.format).toBe("stackwise.decision");
  expect(json.criteria.map((c: { weight: number }) => c.weight)).toEqual([20, 25, 15, 30, 10]);
  // Viewers (managers) may create share links while their workspace allows it (e2e/navigation.spec.ts switches it off).
  await expect(page.getByRole("button", { name: "Create share link" })).toHaveCount(1);
});

test("a slow download shows its progress, keeps the server's file name, and can be cancelled", async ({ page }) => {
  const ws = await createReportWorkspace();
  const id = ws.decisions.get("broker")!;
  await signIn(page, ws.email.viewer);
  await page.goto(`/decisions/${id}/report`);
  // Hold the PDF back for 2.5 s so it is a "slow" download; the bytes are the server's own.
  let hold = 2500;
  await page.route("**/export/pdf", async (route) => {
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, hold));
    await route.fulfill({ response }).catch(() => {
      // The page aborted the request (Cancel): nothing to deliver.
    });
  });
  const status = page.getByTestId("download-status-pdf");
  const link = page.locator('a[data-format="pdf"]');

  // Keyboard: Enter on the focused link starts the same download.
  await link.focus();
  const downloaded = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  await expect(link).toHaveAttribute("aria-busy", "true");
  // Nothing is said for the first second, then the status line counts.
  await expect(status).toContainText("Preparing the file…", { timeout: 2000 });
  await expect(status.getByRole("button", { name: "Cancel" })).toBeVisible();
  const dl = await downloaded;
  expect(dl.suggestedFilename()).toBe("Message broker for order events.pdf");
  const text = execFileSync("pdftotext", [(await dl.path())!, "-"]).toString();
  for (const t of TOTALS) expect(text).toContain(t);
  await expect(status).toBeEmpty();
  await expect(link).not.toHaveAttribute("aria-busy", "true");

  // Cancel: no file arrives, the link is ready again.
  hold = 6000;
  let files = 0;
  page.on("download", () => files++);
  await link.click();
  await status.getByRole("button", { name: "Cancel" }).click();
  await expect(status).toBeEmpty();
  await expect(link).not.toHaveAttribute("aria-busy", "true");
  await page.waitForTimeout(6500);
  expect(files).toBe(0);
});

test("a refused download says why instead of saving an error page", async ({ page }) => {
  const ws = await createReportWorkspace();
  const id = ws.decisions.get("broker")!;
  await signIn(page, ws.email.viewer);
  await page.goto(`/decisions/${id}/report`);
  await page.route("**/export/csv", (route) =>
    route.fulfill({ status: 429, headers: { "Retry-After": "42" }, json: { error: "throttled" } }),
  );
  let files = 0;
  page.on("download", () => files++);
  await page.locator('a[data-format="csv"]').click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many downloads" })).toHaveText(
    "Too many downloads in a short time. Try again in 42 s.",
  );
  expect(files).toBe(0);
});

test("an architect shares a report; the link works signed out, then fails after revoke and after expiry", async ({
  page,
  browser,
}) => {
  const ws = await createReportWorkspace();
  const id = ws.decisions.get("broker")!;
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/report`);
  await page.getByRole("button", { name: "Create share link" }).click();
  const url = await page.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

  const anon = await browser.newContext();
  const visitor = await anon.newPage();
  await visitor.goto(url);
  await expect(visitor.getByTestId("report-total")).toHaveText(TOTALS);
  // The token reaches nothing else: not the decision itself, not another decision, not an export.
  await visitor.goto(`/decisions/${id}`);
  await expect(visitor).toHaveURL(/\/sign-in/);
  const other = await visitor.request.get(`/api/decisions/${ws.decisions.get("gc")}/export/json`);
  expect(other.status()).toBe(401);

  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Link revoked.")).toBeVisible();
  expect((await visitor.goto(url))?.status()).toBe(404);
  await expect(visitor.getByText("This link is invalid, expired or revoked.")).toBeVisible();

  await page.getByRole("button", { name: "Create share link" }).click();
  await expect(page.getByTestId("share-url")).not.toHaveValue(url);
  const second = await page.getByTestId("share-url").inputValue();
  await visitor.goto(second);
  await expect(visitor.getByTestId("report-total")).toHaveText(TOTALS);
  await expireShareLinks(id);
  expect((await visitor.goto(second))?.status()).toBe(404);
  await expect(visitor.getByText("This link is invalid, expired or revoked.")).toBeVisible();
  await anon.close();
});

test("import: preview writes nothing, confirm creates the decision", async ({ page }) => {
  const ws = await createReportWorkspace();
  await signIn(page, ws.email.ada);
  await page.goto("/decisions/import");
  const csv = "Criterion,Weight,Alpha,Beta\r\nSpeed,3,8,6\r\nCost,1,4,9\r\n";
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "m.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByLabel("Title of the new decision").fill("Imported in e2e");
  const before = await countRows(ws.workspaceId);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-preview-table")).toContainText("Alpha");
  expect(await countRows(ws.workspaceId)).toEqual(before);
  await page.getByRole("button", { name: "Confirm import" }).click();
  await page.getByRole("link", { name: "Open the decision" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Imported in e2e");
  // Confirming wrote the file's decision: 2 criteria × 2 candidates and their 4 ratings, by the importer.
  expect(await countRows(ws.workspaceId)).toEqual({
    decisions: before.decisions + 1,
    criteria: before.criteria + 2,
    candidates: before.candidates + 2,
    scores: before.scores + 4,
  });

  // A broken file shows cell-level errors and writes nothing.
  await page.goto("/decisions/import");
  await page.locator('input[type="file"]').setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Criterion,Weight,Alpha\r\nSpeed,lots,8\r\n"),
  });
  const mid = await countRows(ws.workspaceId);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-errors")).toContainText('Row 2, column 2: "lots" is not a number.');
  expect(await countRows(ws.workspaceId)).toEqual(mid);
});
