// The audit trail at the size it reaches: older / newer links by keyset, a "show events up to a day" jump from the
// keyboard, a field-level message for a day that does not exist, and the count beside the table. The fixture is an
// empty workspace with 120 events written straight into the database over three days, then the admin's own sign-in.
import { expect, test } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/create-client";
import { signIn } from "./support/auth";
import { createEmptyWorkspace } from "./support/empty-workspace-fixtures";
import { E2E_DATABASE_URL } from "./support/env";

const EVENTS = 120;
/** Event i at 2026-11-01 00:00 UTC + i × 36 minutes: 40 a day, 2026-11-01 to 2026-11-03. */
const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 36 * 60_000);

test("an admin pages the audit trail older and newer, and jumps to a day", async ({ page }) => {
  const ws = await createEmptyWorkspace();
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    await db.auditEvent.createMany({
      data: Array.from({ length: EVENTS }, (_, i) => ({
        workspaceId: ws.workspaceId,
        action: "decision.updated",
        entityType: "Decision",
        entityId: `d${String(i).padStart(3, "0")}`,
        createdAt: at(i),
      })),
    });
  } finally {
    await db.$disconnect();
  }
  await signIn(page, ws.email.admin);
  await page.goto("/settings/audit");
  // The admin's sign-in is the newest event; the 120 seeded ones follow, newest first.
  const rows = page.locator("table.audit-table tbody tr");
  await expect(page.getByTestId("audit-total")).toHaveText(/^12[1-9] events in this workspace\.$/);
  const total = Number((await page.getByTestId("audit-total").textContent())!.match(/\d+/)![0]);
  const recent = total - EVENTS; // sign-in events, all newer than the seeded ones
  await expect(rows).toHaveCount(50);
  await expect(rows.nth(recent)).toContainText("d119");
  const pager = page.getByRole("navigation", { name: "Audit log pages" });
  await expect(pager.getByRole("link", { name: "Newer" })).toHaveCount(0);

  await pager.getByRole("link", { name: "Older" }).click();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(`d${String(EVENTS - 1 - (50 - recent)).padStart(3, "0")}`);
  await pager.getByRole("link", { name: "Older" }).click();
  await expect(rows).toHaveCount(total - 100);
  await expect(rows.last()).toContainText("d000");
  await expect(rows.last()).toContainText("2026-11-01 00:00:00");
  await expect(pager.getByRole("link", { name: "Older" })).toHaveCount(0);
  // Back up: the 50 events just newer than this page's first, then the newest page itself (full, not a short one).
  const oldestFirst = Number((await rows.first().textContent())!.match(/d(\d{3})/)![1]);
  await pager.getByRole("link", { name: "Newer" }).click();
  await expect(rows.first()).toContainText(`d${String(oldestFirst + 50).padStart(3, "0")}`);
  await pager.getByRole("link", { name: "Newer" }).click();
  await expect(rows).toHaveCount(50);
  await expect(rows.nth(recent)).toContainText("d119");
  await expect(pager.getByRole("link", { name: "Newer" })).toHaveCount(0);

  // From the keyboard: the day field, then Enter. 2026-11-02 ends with event 79 (23:24).
  const day = page.getByLabel("Show events up to (UTC day)");
  await day.focus();
  await page.keyboard.type("11022026"); // Chromium's date field in en-US reads month, day, year
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/until=2026-11-02/);
  await expect(rows.first()).toContainText("d079");
  await expect(rows.first()).toContainText("2026-11-02 23:24:00");
  await expect(pager.getByRole("link", { name: "Newer" })).toBeVisible();
  await pager.getByRole("link", { name: "Older" }).click();
  await expect(rows.first()).toContainText("d029");

  // A day that does not exist (typed into the address) is named beside the field; the newest page shows.
  await page.goto("/settings/audit?until=2026-02-30");
  await expect(day).toHaveAccessibleDescription("Enter a real day as YYYY-MM-DD, for example 2026-11-30.");
  await expect(day).toHaveAttribute("aria-invalid", "true");
  await expect(rows).toHaveCount(50);
  await expect(rows.nth(recent)).toContainText("d119");
  await page.getByRole("link", { name: "Newest events" }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  // A garbled cursor is the newest page, as a garbled page number is elsewhere.
  await page.goto("/settings/audit?cursor=%25%25%25");
  await expect(rows.nth(recent)).toContainText("d119");
});
