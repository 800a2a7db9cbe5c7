// Every page at a phone, a tablet and a desktop width: the page itself never scrolls sideways (wide tables and charts
// scroll inside their own frame), axe finds nothing serious, and a screenshot of each is kept for a human to look at.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { createReportWorkspace } from "./support/report-fixtures";

const WIDTHS = [390, 768, 1440] as const;

/**
 * Scrolls through the page so every lazily drawn chart is drawn, then back to the top. A step of one viewport: the
 * windows are contiguous, so every element is inside one of them.
 */
async function drawEverything(page: Page) {
  // After hydration, or the charts' observers are not yet listening while the page scrolls past them. The header's
  // menu button (in the root layout, on every page) is marked once React has taken over.
  await page.locator("button.menu-toggle[data-ready]").waitFor({ state: "attached" });
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState("networkidle");
}

async function check(page: Page, width: number, name: string) {
  // goto has waited for the load event; drawEverything ends by waiting for the network to go quiet.
  // Every page checked is a real page, not the not-found one.
  await expect(page.getByRole("heading", { name: "Not found" })).toHaveCount(0);
  await drawEverything(page);
  const sizes = await page.evaluate(() => {
    // For the failure message: the outermost elements that stick out of the viewport without a scrolling frame
    // around them.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== "visible") return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(el))
      .filter((el, _, all) => !all.includes(el.parentElement!))
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} → ${Math.round(el.getBoundingClientRect().right)}`,
      );
    return { scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth, culprits };
  });
  // A full-page capture can stall in Chromium and never return (microsoft/playwright#28995; one CI run sat in it for
  // the test's whole 6 minutes, fonts loaded, no frame): a bounded attempt, then one more, and a second stall fails.
  const shot = { path: `test-results/responsive/${width}/${name}.png`, fullPage: true, timeout: 45_000 };
  await page.screenshot(shot).catch(() => page.screenshot(shot));
  expect
    .soft(sizes.scroll, `${name} at ${width}px overflows the page: ${sizes.culprits.join("; ")}`)
    .toBeLessThanOrEqual(sizes.inner);
  // Legacy mode runs axe.run() in the page itself; the default runs per frame and then opens a blank page to merge
  // the results, which doubled the cost of every check. These pages have no frames.
  const axe = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const bad = axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(bad, `${name} at ${width}px`).toEqual([]);
}

const height = (width: number) => (width < 500 ? 844 : 1000);

// Every test builds its own workspace, so the file's tests spread over the workers instead of queueing in one: this
// suite is the longest file of the run.
test.describe.configure({ mode: "parallel" });

for (const width of WIDTHS) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: height(width) } });

    test("anonymous pages", async ({ page }) => {
      await page.goto("/sign-in");
      await check(page, width, "sign-in");
      await page.goto("/sign-up");
      await check(page, width, "sign-up");
      await page.goto("/invite/not-a-real-token");
      await check(page, width, "invite-invalid");
    });

    test("decision list and new-decision pages as the admin", async ({ page }) => {
      const ws = await createReportWorkspace();
      await signIn(page, ws.email.admin);
      await page.goto("/");
      await check(page, width, "decisions");
      await page.goto("/decisions/new");
      await check(page, width, "decision-new");
      await page.goto("/decisions/import");
      await check(page, width, "decision-import");
    });

    // Every tab of three decisions, in two halves per decision: seven long pages in one test were the run's longest
    // test, and the first to reach its time limit on a loaded machine.
    for (const key of ["broker", "backend-language", "gc"]) {
      for (const tabs of [
        ["", "/matrix", "/setup"],
        ["/scores", "/ahp", "/team", "/report"],
      ]) {
        const names = tabs.map((t) => t.slice(1) || "results");
        test(`the ${names.join(", ")} tabs of the ${key} decision as the admin`, async ({ page }) => {
          test.setTimeout(180_000);
          const ws = await createReportWorkspace();
          await signIn(page, ws.email.admin);
          const id = ws.decisions.get(key)!;
          for (const [i, tab] of tabs.entries()) {
            await page.goto(`/decisions/${id}${tab}`);
            await check(page, width, `${key}-${names[i]}`);
          }
        });
      }
    }

    test("workspace pages as the admin", async ({ page }) => {
      test.setTimeout(180_000);
      const ws = await createReportWorkspace();
      await signIn(page, ws.email.admin);
      await page.goto("/teams");
      await check(page, width, "teams");
      await page.locator("main a[href^='/teams/']").first().click();
      await expect(page).toHaveURL(/\/teams\/[^/]+$/);
      await check(page, width, "team");
      await page.goto("/skills");
      await check(page, width, "skills");
      await page.goto("/settings/members");
      await check(page, width, "settings-members");
      await page.goto("/settings/audit");
      await check(page, width, "settings-audit");
      await page.goto("/settings/tokens");
      await check(page, width, "settings-tokens");
      await page.goto("/account");
      await check(page, width, "account");
      await page.goto("/sign-out");
      await check(page, width, "sign-out");
      await page.goto("/api-docs");
      await check(page, width, "api-docs");
      // The header menu, open, on narrow screens.
      const toggle = page.getByRole("button", { name: "Menu" });
      if (await toggle.isVisible()) {
        await toggle.click();
        await check(page, width, "header-menu-open");
      }
    });

    test("results with every chart drawn (a viewer sees the group's scores) and the share page", async ({
      page,
      browser,
    }) => {
      test.setTimeout(360_000);
      const ws = await createReportWorkspace();
      await signIn(page, ws.email.viewer);
      for (const key of ["broker", "backend-language", "gc"]) {
        await page.goto(`/decisions/${ws.decisions.get(key)}`);
        await check(page, width, `${key}-results-viewer`);
        // The stacked-bar chart keeps a readable size: bars at least 14 px thick, candidate names not overlapping.
        const chart = page.getByTestId("chart-contributions");
        await chart.scrollIntoViewIfNeeded();
        await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
        const bars = await chart
          .locator(".recharts-bar-rectangle")
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
        expect(Math.min(...bars), `${key} bars at ${width}px`).toBeGreaterThanOrEqual(14);
        const names = await chart
          .locator(".recharts-yAxis .recharts-cartesian-axis-tick text")
          .evaluateAll((els) =>
            els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })),
          );
        names.sort((a, b) => a.top - b.top);
        for (let i = 1; i < names.length; i++) expect(names[i].top).toBeGreaterThanOrEqual(names[i - 1].bottom - 1);
        await page.goto(`/decisions/${ws.decisions.get(key)}/report`);
        await check(page, width, `${key}-report-viewer`);
      }
      await page.goto(`/decisions/${ws.decisions.get("broker")}/report`);
      await page.getByRole("button", { name: "Create share link" }).click();
      const url = await page.getByTestId("share-url").inputValue();
      const anonymous = await browser.newContext({ viewport: { width, height: height(width) } });
      const shared = await anonymous.newPage();
      await shared.goto(url);
      await check(shared, width, "share");
      await anonymous.close();
    });
  });
}

test.describe("results at a glance on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the first screen holds the verdict, ranking, margin, confidence and team risk; the what-if panel follows", async ({
    page,
  }) => {
    const ws = await createReportWorkspace();
    // The viewer reads the group's scores (the admin has none of their own).
    await signIn(page, ws.email.viewer);
    await page.goto(`/decisions/${ws.decisions.get("broker")}`);
    await expect(page.getByTestId("verdict-mc")).toBeVisible({ timeout: 30_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    // Measured in the browser at the top of the page: where each part of the answer is drawn.
    const boxes = await page.evaluate(() => {
      const box = (sel: string) => {
        const el = document.querySelector(sel);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: r.height };
      };
      return {
        verdict: box('[data-testid="verdict"] .verdict-main'),
        confidence: box('[data-testid="verdict-mc"]'),
        risk: box('[data-testid="verdict-risks"]'),
        // On a phone the ranking table is a screen down; the verdict carries the ranking with its margins.
        ranking: box('[data-testid="verdict-ranking"]'),
        margin: box('[data-testid="verdict-margin"]'),
        table: box('[data-testid="ranking"]'),
        whatIf: box('[data-testid="what-if-side"]'),
        scrollY: window.scrollY,
        innerHeight: window.innerHeight,
      };
    });
    expect(boxes.scrollY).toBe(0);
    for (const part of ["verdict", "confidence", "risk", "ranking", "margin"] as const) {
      const b = boxes[part];
      expect(b, `${part} is on the page`).not.toBeNull();
      expect(b!.height, `${part} is drawn`).toBeGreaterThan(0);
      expect(b!.top, `${part} starts on the first screen: ${JSON.stringify(boxes)}`).toBeLessThan(844);
    }
    // The verdict line, the ranking with its margins and the confidence line are there in full.
    for (const part of ["verdict", "confidence", "ranking"] as const)
      expect(boxes[part]!.bottom, `${part} ends on the first screen`).toBeLessThanOrEqual(844);
    // The seed's broker figures (ARCHITECTURE.md): RabbitMQ 7.70, Kafka 6.70, Pulsar 5.60, so the leads over the next
    // are 7.70 − 6.70 = 1.00 and 6.70 − 5.60 = 1.10.
    await expect(page.getByTestId("verdict-ranking").locator("li")).toHaveText([
      "1 RabbitMQ 7.70 +1.00 over the next",
      "2 Kafka 6.70 +1.10 over the next",
      "3 Pulsar 5.60",
    ]);
    // The glance list says what the table further down says, in the same order.
    const table = page.getByTestId("ranking").locator("tbody tr[data-ranked='true']:not(.excluded)");
    const glance = page.getByTestId("verdict-ranking").locator("li");
    expect(await glance.evaluateAll((li) => li.map((x) => x.getAttribute("data-candidate")))).toEqual(
      await table.evaluateAll((tr) => tr.map((x) => x.getAttribute("data-candidate"))),
    );
    // The what-if panel comes after the verdict and the ranking (it used to push them off a phone's first screen).
    expect(boxes.whatIf!.top).toBeGreaterThan(boxes.verdict!.bottom);
    expect(boxes.whatIf!.top).toBeGreaterThan(boxes.table!.bottom);
    await page.screenshot({ path: test.info().outputPath("results-first-screen-390.png") });
  });
});
