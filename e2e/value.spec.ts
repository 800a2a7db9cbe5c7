// Value for money, as a user meets it: an architect marks a measured cost as money in the setup (bad codes and a
// benefit direction are refused field by field), and the results set benefit against cost with the Pareto frontier.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { addCostCriterion, createResultsWorkspace, setFactValue } from "./support/results-fixtures";

const row = (page: Page, name: string) => page.getByTestId("criterion-row").filter({ hasText: `Details of ${name}` });

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
}

test("a measured cost marked as money: benefit against cost, the frontier and the dominated candidate", async ({
  page,
}) => {
  const ws = await createResultsWorkspace();
  const id = ws.decisions.get("backend-language")!;
  // Weight 0: the totals stay the demo's (Go 8.68, Python 4.09), so the benefit over the other criteria equals them.
  await addCostCriterion(id, "Hosting cost", "/month", { Go: 300, Python: 200 });
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/setup`);

  // A benefit metric cannot be money.
  const throughput = row(page, "Throughput");
  await throughput.getByText("Details of Throughput").click();
  await throughput.getByLabel("Money (currency code)").fill("USD");
  await expect(
    throughput.getByText("Money is a cost: set the direction to Cost (or clear the currency)."),
  ).toBeVisible();
  await throughput.getByLabel("Money (currency code)").fill("");

  const cost = row(page, "Hosting cost");
  await cost.getByText("Details of Hosting cost").click();
  const money = cost.getByLabel("Money (currency code)");
  await money.fill("US$");
  await expect(cost.getByText("Use a three-letter currency code such as USD, EUR or CNY.")).toBeVisible();
  await expect(money).toHaveAttribute("aria-invalid", "true");
  await money.fill("usd");
  await money.blur();
  await expectSaved(page);
  await page.reload();
  await row(page, "Hosting cost").getByText("Details of Hosting cost").click();
  await expect(row(page, "Hosting cost").getByLabel("Money (currency code)")).toHaveValue("USD");
  await row(page, "Throughput").getByText("Details of Throughput").click();
  await expect(row(page, "Throughput").getByLabel("Money (currency code)")).toHaveValue("");

  // Python is cheaper and gives less, Go costs $100 more for 8.68 − 4.09 = 4.59 points: both on the frontier.
  await page.goto(`/decisions/${id}`);
  await page.getByRole("link", { name: "Value for money" }).click();
  const rows = page.getByTestId("value-table").locator("tbody tr");
  await expect(rows).toHaveText([
    /^Go\s*\$300\s*8\.68\s*8\.68\s*on the frontier$/,
    /^Python\s*\$200\s*4\.09\s*4\.09\s*on the frontier$/,
  ]);
  await expect(page.getByTestId("value-summary").locator("li")).toHaveText([
    "Best value for the money, cheapest first: Python, Go.",
    "From Python to Go: $100 /month more buys 4.59 points of benefit.",
  ]);
  const chart = page.getByTestId("chart-value");
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator(".value-dot .recharts-symbols")).toHaveCount(2);

  // Go at $150 is cheaper and better: Python is dominated, and the frontier is Go alone.
  await setFactValue(id, "Hosting cost", "Go", 150);
  await page.reload();
  await page.getByRole("link", { name: "Value for money" }).click();
  await expect(rows).toHaveText([
    /^Go\s*\$150\s*8\.68\s*8\.68\s*on the frontier$/,
    /^Python\s*\$200\s*4\.09\s*4\.09\s*dominated by Go$/,
  ]);
  await expect(page.getByTestId("value-summary").locator("li")).toHaveText([
    "Best value for the money, cheapest first: Go.",
    "Python is dominated by Go: it costs more and gives no more benefit, or gives less for the same cost.",
  ]);
  await expect(chart.locator(".value-dominated .recharts-symbols")).toHaveCount(1);
  const axe = await new AxeBuilder({ page }).include("#view-value").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  // The same in Chinese: the amount in the reader's format (US$), the sentences from the Chinese catalog.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.reload();
  await page.getByRole("link", { name: "性价比" }).click();
  await expect(page.getByTestId("value-summary").locator("li")).toHaveText([
    "最具性价比的方案，按成本从低到高：Go。",
    "Python 被 Go 支配：成本更高而收益不更多，或成本相同而收益更少。",
  ]);
  await expect(rows.nth(1)).toHaveText(/^Python\s*US\$200\s*4\.09\s*4\.09\s*被 Go 支配$/);

  // The report tab says it in words too.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto(`/decisions/${id}/report`);
  await expect(page.getByTestId("report-value").locator("li")).toContainText([
    "Go: $150 /month, benefit 8.68 points.",
    "Python: $200 /month, benefit 4.09 points.",
    "Best value for the money, cheapest first: Go.",
    "Python is dominated by Go: it costs more and gives no more benefit, or gives less for the same cost.",
  ]);
});
