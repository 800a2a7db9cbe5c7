// Value functions, as an architect meets them in the setup: a measured criterion's "How values become points" turns
// linear references into a curve through points, presets reshape it, the candidates' measured values are shown on it
// as the points are typed, bad curves are refused field by field, and the facts tab states the curve it used.
//
// Hand values (demo "Backend language", Average latency: cost, references worst 150 ms, best 30 ms; Go 50.7 ms,
// Python 81.3 ms). Diminishing returns between them samples 10·(1 − e^(−3u))/(1 − e^(−3)) at u = 0, ¼, ½, ¾, 1:
// (30, 10) (60, 9.41) (90, 8.18) (120, 5.55) (150, 0). Go 10 − 0.59·20.7/30 = 9.5929 → 9.59;
// Python 9.41 − 1.23·21.3/30 = 8.5367 → 8.54. The linear two-point curve gives Go 10·99.3/120 = 8.275 and
// Python 10·68.7/120 = 5.725.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { createResultsWorkspace } from "./support/results-fixtures";

const row = (page: Page, name: string) => page.getByTestId("criterion-row").filter({ hasText: `Details of ${name}` });

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
}

test("a value curve from a preset, edited point by point, refused when it rises for a cost", async ({ page }) => {
  const ws = await createResultsWorkspace();
  const id = ws.decisions.get("backend-language")!;
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/setup`);
  const latency = row(page, "Average latency");
  await latency.getByText("Details of Average latency").click();
  const curve = latency.getByTestId("value-curve");
  await expect(curve.getByRole("radio", { name: "Linear between the worst and best reference values" })).toBeChecked();
  await expect(curve.getByText(/^Fixed reference values/)).toBeVisible();
  const candidates = curve.getByTestId("curve-candidates").locator("li");
  await expect(candidates).toHaveText(["Go: 50.7 ms → 8.28 points", "Python: 81.3 ms → 5.73 points"]);

  // A curve starts as the linear one through the references; the same points, so the same figures.
  await curve.getByRole("radio", { name: "A value curve through points" }).check();
  await expectSaved(page);
  const points = curve.getByTestId("curve-points");
  await expect(points.getByLabel("Raw value of point 1")).toHaveValue("30");
  await expect(points.getByLabel("Points of point 1")).toHaveValue("10");
  await expect(points.getByLabel("Raw value of point 2")).toHaveValue("150");
  await expect(candidates).toHaveText(["Go: 50.7 ms → 8.28 points", "Python: 81.3 ms → 5.73 points"]);

  await curve.getByRole("button", { name: "Diminishing returns" }).click();
  await expectSaved(page);
  await expect(points.locator("tbody tr")).toHaveCount(5);
  await expect(points.getByLabel("Points of point 2")).toHaveValue("9.41");
  await expect(candidates).toHaveText(["Go: 50.7 ms → 9.59 points", "Python: 81.3 ms → 8.54 points"]);
  await expect(curve.locator(".curve-chart .curve-line")).toHaveCount(1);

  // Points above 10, then a curve that rises for a cost: each refused with its reason, nothing saved.
  const second = points.getByLabel("Points of point 2");
  await second.fill("10.5");
  await second.press("Enter");
  await expect(curve.getByTestId("field-error")).toHaveText("Points lie between 0 and 10.");
  await expect(second).toHaveAttribute("aria-invalid", "true");
  await second.fill("2");
  await second.press("Tab");
  await expect(curve.getByTestId("field-error")).toHaveText(
    "For a cost, points must not rise as the raw value rises. Flip the points, or the direction.",
  );
  await page.reload();
  await row(page, "Average latency").getByText("Details of Average latency").click();
  await expect(row(page, "Average latency").getByLabel("Points of point 2")).toHaveValue("9.41");

  // A raw value typed in moves Go along the curve at once: 45 ms between (30, 10) and (60, 9.41).
  const again = row(page, "Average latency").getByTestId("value-curve");
  await again.getByLabel("Raw value of point 2").fill("45");
  await expect(again.getByTestId("curve-candidates").locator("li").first()).toHaveText(
    // Go 50.7 between (45, 9.41) and (90, 8.18): 9.41 − 1.23·5.7/45 = 9.2542 → 9.25.
    "Go: 50.7 ms → 9.25 points",
  );
  await again.getByLabel("Raw value of point 2").fill("60");
  await again.getByLabel("Raw value of point 2").blur();
  await expectSaved(page);
  const axe = await new AxeBuilder({ page }).include('[data-testid="value-curve"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  // The scores tab's facts say which curve the points came from, and the results use it.
  await page.goto(`/decisions/${id}/scores`);
  await expect(page.getByTestId("points-basis").filter({ hasText: "value curve" }).first()).toContainText(
    "Points from the value curve through 30 ms gives 10; 60 ms gives 9.41; 90 ms gives 8.18; 120 ms gives 5.55; 150 ms gives 0",
  );
  await page.goto(`/decisions/${id}`);
  await expect(page.getByTestId("criteria").getByRole("row", { name: /Average latency/ })).toContainText(
    "value curve through 5 points",
  );
});

test("a new metric fixes its references at the first measured range unless told to follow the candidates", async ({
  page,
}) => {
  const ws = await createResultsWorkspace();
  const id = ws.decisions.get("backend-language")!;
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${id}/setup`);
  await page.getByLabel("New criterion").fill("Cold start");
  await page.getByRole("button", { name: "Add criterion" }).click();
  const cold = row(page, "Cold start");
  await cold.getByText("Details of Cold start").click();
  await cold.getByLabel("Kind").selectOption("METRIC");
  await expectSaved(page);
  const auto = cold.getByRole("checkbox", { name: /Fix the reference values at the first measured range/ });
  await expect(auto).toBeChecked();
  await expect(cold.getByText(/never moves the others' points/)).toBeVisible();
  await auto.uncheck();
  await expectSaved(page);
  await expect(cold.getByText(/adding a candidate can move everyone's points/)).toBeVisible();
  await page.reload();
  await row(page, "Cold start").getByText("Details of Cold start").click();
  await expect(
    row(page, "Cold start").getByRole("checkbox", { name: /Fix the reference values at the first measured range/ }),
  ).not.toBeChecked();

  // In Chinese: the same controls, named in Chinese, and the curve's points read back in Chinese on the scores tab.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.reload();
  // By its disclosure's Chinese summary: every row's Group select lists the other criteria's names too.
  const zhRow = page.getByTestId("criterion-row").filter({ hasText: "Cold start 的详细设置" });
  await zhRow.locator("summary").click();
  const zh = zhRow.getByTestId("value-curve");
  await expect(zh).toHaveAccessibleName("原始值如何换算成分数");
  await expect(zh.getByRole("checkbox", { name: /在首次测得的范围处固定参考值/ })).not.toBeChecked();
  await zh.getByRole("radio", { name: "按若干点定义的价值曲线" }).check();
  await expectSaved(page);
  await expect(zh.getByRole("button", { name: "边际递减" })).toBeVisible();
  await expect(zh.getByLabel("第 1 个点的分数")).toHaveValue("0");
});
