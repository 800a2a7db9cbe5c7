// Upload limits over real HTTP against the production build: the import action answers an oversized file with the
// field message (not Next's 500), refuses a zip bomb in well under a second while /api/health keeps answering, and
// reads nothing of an upload from somebody who is not signed in.
import { expect, request as playwrightRequest, test, type Page, type Request } from "@playwright/test";
import { hostileXlsx } from "@/lib/testing/hostile-xlsx";
import { IMPORT_MAX_BYTES } from "@/lib/validation/import";
import { signIn } from "./support/auth";
import { createReportWorkspace } from "./support/report-fixtures";

/** The browser's server-action calls keep their FormData to themselves; record its fields so a test can replay it. */
async function recordActionFields(page: Page) {
  await page.addInitScript(() => {
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (init?.body instanceof FormData)
        (window as unknown as { __actionFields: [string, string | null][] }).__actionFields = [
          ...init.body.entries(),
        ].map(([k, v]) => [k, typeof v === "string" ? v : null]);
      return original(input, init);
    };
  });
}

/** Previews a small CSV through the form once and returns the action request the browser made, to replay. */
async function captureImportAction(page: Page): Promise<Capture> {
  await recordActionFields(page);
  await page.goto("/decisions/import");
  await page.locator('input[type="file"]').setInputFiles({
    name: "m.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Criterion,Weight,Alpha\r\nSpeed,1,5\r\n"),
  });
  const [req] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    page.getByRole("button", { name: "Preview" }).click(),
  ]);
  await expect(page.getByTestId("import-preview-table")).toContainText("Alpha");
  const fields = await page.evaluate(
    () => (window as unknown as { __actionFields: [string, string | null][] }).__actionFields,
  );
  return { req, fields };
}

type Capture = { req: Request; fields: [string, string | null][] };

/**
 * The same action call with another file in place of the CSV (file fields are the ones recorded as null). A FormData
 * keeps the browser's field order, which React's decoder relies on (the arguments' root comes last).
 */
function replayOptions({ req, fields }: Capture, file: { name: string; mimeType: string; buffer: Buffer }) {
  const headers = req.headers();
  const multipart = new FormData();
  for (const [k, v] of fields)
    multipart.append(k, v === null ? new File([new Uint8Array(file.buffer)], file.name, { type: file.mimeType }) : v);
  return {
    headers: {
      "next-action": headers["next-action"],
      "next-router-state-tree": headers["next-router-state-tree"] ?? "",
      accept: "text/x-component",
    },
    multipart,
  };
}

test("a file over the limit gets the field message, in the form and over HTTP, never a 500", async ({ page }) => {
  const ws = await createReportWorkspace();
  await signIn(page, ws.email.ada);
  const capture = await captureImportAction(page);

  // Over HTTP, between the app's limit and Next's body limit: the action's own check answers.
  const big = Buffer.alloc(IMPORT_MAX_BYTES + 100 * 1024, "a");
  const res = await page.request.post(
    capture.req.url(),
    replayOptions(capture, { name: "big.csv", mimeType: "text/csv", buffer: big }),
  );
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("fileTooLarge");

  // In the form the same message appears before anything is sent.
  await page.goto("/decisions/import");
  await page.locator('input[type="file"]').setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: big });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-errors")).toContainText("The file is larger than 2 MB.");
});

test("zip bombs are refused at once and the server keeps answering", async ({ page, baseURL }) => {
  const ws = await createReportWorkspace();
  await signIn(page, ws.email.ada);
  const capture = await captureImportAction(page);
  for (const rows of [1_000_000, 5_000_000]) {
    const buffer = Buffer.from(await hostileXlsx({ rows }));
    const file = { name: "bomb.xlsx", mimeType: "application/octet-stream", buffer };
    const t0 = Date.now();
    const [res, health] = await Promise.all([
      page.request.post(capture.req.url(), replayOptions(capture, file)),
      page.request.get(`${baseURL}/api/health`),
    ]);
    const ms = Date.now() - t0;
    console.log(`[bench] e2e xlsx ${rows} rows (${(buffer.byteLength / 1024).toFixed(0)} kB): ${ms} ms round trip`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("tooLargeUnpacked");
    expect(health.status()).toBe(200);
    expect(ms).toBeLessThan(3000);
  }
});

test("an upload from somebody not signed in is not read at all", async ({ page, baseURL }) => {
  const ws = await createReportWorkspace();
  await signIn(page, ws.email.ada);
  const capture = await captureImportAction(page);
  const anon = await playwrightRequest.newContext({ baseURL });
  const buffer = Buffer.from(await hostileXlsx({ rows: 1_000_000 }));
  const res = await anon.post(
    capture.req.url(),
    replayOptions(capture, { name: "bomb.xlsx", mimeType: "application/octet-stream", buffer }),
  );
  const text = await res.text();
  // Had the file been parsed, the answer would name the zip limit; it names the missing session instead.
  expect(text).toContain("signedOut");
  expect(text).not.toContain("tooLargeUnpacked");
  await anon.dispose();
});
