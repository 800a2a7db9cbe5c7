// The AHP wizard reproduces a published consistency ratio and applies the weights.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { createScoresWorkspace, LEADER_TEMPLATE, storedWeights } from "./support/scores-fixtures";

// Wikipedia, "Analytic hierarchy process – leader example": criteria Experience, Education, Charisma, Age with
// a(Exp,Edu) = 4, a(Exp,Cha) = 3, a(Exp,Age) = 7, a(Edu,Cha) = 1/3, a(Edu,Age) = 3, a(Cha,Age) = 5.
// Working, independently with numpy:
//   A = np.array([[1,4,3,7],[1/4,1,1/3,3],[1/3,3,1,5],[1/7,1/3,1/5,1]]); v, V = np.linalg.eig(A)
//   k = argmax(v.real) → λmax = 4.118418; w = |V[:,k]| / Σ = .54756924, .12655528, .26994992, .05592555
//   CI = (4.118418 − 4)/3 = 0.039473; RI(4) = 0.90; CR = 0.043859 → shown as 0.044.
//   Weights ×100 rounded to 2 decimals: 54.76, 12.66, 26.99, 5.59 (sum 100.00) → shares 54.8 %, 12.7 %, 27.0 %, 5.6 %.
const ANSWERS: [string, string][] = [
  ["Experience vs Education", "Experience is moderately to strongly more important than Education (4)"],
  ["Experience vs Charisma", "Experience is moderately more important than Charisma (3)"],
  ["Experience vs Age", "Experience is very strongly more important than Age (7)"],
  ["Education vs Charisma", "Charisma is moderately more important than Education (3)"],
  ["Education vs Age", "Education is moderately more important than Age (3)"],
  ["Charisma vs Age", "Charisma is strongly more important than Age (5)"],
];

const question = (page: Page, pair: string) => page.locator(`[data-testid="ahp-question"][data-pair="${pair}"]`);

test("the AHP wizard reproduces the published CR and applies the weights", async ({ page }) => {
  const ws = await createScoresWorkspace({ template: LEADER_TEMPLATE, scoredBy: [] });
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${ws.decisionId}/ahp`);
  await expect(page.getByRole("heading", { name: "AHP weights", level: 2 })).toBeVisible();
  await expect(page.getByTestId("ahp-question")).toHaveCount(6); // n(n−1)/2 = 4·3/2

  // First an inconsistent answer: Age extremely more important than Experience (1/9) contradicts the rest.
  for (const [pair, label] of ANSWERS) {
    const answer = pair === "Experience vs Age" ? "Age is extremely more important than Experience (9)" : label;
    await question(page, pair).getByRole("radio", { name: answer, exact: true }).check();
  }
  await expect(page.getByTestId("ahp-save-status")).toHaveText("All answers saved");
  await expect(page.getByTestId("own-cr")).toContainText("inconsistent");
  // The Experience–Age answer carries the largest log error, so it is highlighted with a suggestion.
  await expect(question(page, "Experience vs Age").getByTestId("ahp-suggestion")).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Correct it to the published 7.
  await question(page, "Experience vs Age").getByRole("radio", { name: ANSWERS[2][1], exact: true }).check();
  await expect(page.getByTestId("own-cr")).toHaveText("0.044 · consistent (≤ 0.10)");
  await expect(page.getByTestId("group-cr")).toHaveText("0.044 · consistent (≤ 0.10)");
  await expect(page.getByTestId("ahp-suggestion")).toHaveCount(0);
  await expect(page.getByTestId("ahp-save-status")).toHaveText("All answers saved");

  // Reload: the answers were saved.
  await page.reload();
  await expect(page.getByTestId("own-cr")).toHaveText("0.044 · consistent (≤ 0.10)");
  await expect(question(page, "Education vs Charisma").getByTestId("ahp-answer")).toHaveText(
    "Charisma is moderately more important than Education (3)",
  );

  await page.getByRole("button", { name: "Apply the group weights to the criteria" }).click();
  await expect(page.getByTestId("ahp-apply-status")).toHaveText("The criteria weights were updated.");
  expect(await storedWeights(ws.decisionId)).toEqual([
    ["Experience", 54.76],
    ["Education", 12.66],
    ["Charisma", 26.99],
    ["Age", 5.59],
  ]);
  const current = page.getByTestId("ahp-weights");
  await expect(current.locator('tr[data-criterion="Experience"] [data-testid="current-weight"]')).toHaveText("54.8%");
  await expect(current.locator('tr[data-criterion="Age"] [data-testid="current-weight"]')).toHaveText("5.6%");
  await expectNoSeriousAxeViolations(page);
});

async function expectNoSeriousAxeViolations(page: Page) {
  // After "Apply" the page refreshes its server data, and for a moment the head has no <title> (axe's document-title,
  // seen once in CI): check the page as it settles, with its title back.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("with a second evaluator, each one's distance to the group judgment and my answer furthest from it", async ({
  browser,
}) => {
  const ws = await createScoresWorkspace({ template: LEADER_TEMPLATE, scoredBy: [] });
  // Bo answers first, in his own browser: 2, 1/2, 5, 1, 2, 5 (each as the first criterion over the second).
  const boContext = await browser.newContext();
  const bo = await boContext.newPage();
  await signIn(bo, ws.email.bo);
  await bo.goto(`/decisions/${ws.decisionId}/ahp`);
  const BO: [string, string][] = [
    ["Experience vs Education", "Experience is equally to moderately more important than Education (2)"],
    ["Experience vs Charisma", "Charisma is equally to moderately more important than Experience (2)"],
    ["Experience vs Age", "Experience is strongly more important than Age (5)"],
    ["Education vs Charisma", "Education and Charisma are equally important (1)"],
    ["Education vs Age", "Education is equally to moderately more important than Age (2)"],
    ["Charisma vs Age", "Charisma is strongly more important than Age (5)"],
  ];
  for (const [pair, label] of BO) await question(bo, pair).getByRole("radio", { name: label, exact: true }).check();
  await expect(bo.getByTestId("ahp-save-status")).toHaveText("All answers saved");
  await boContext.close();

  // Ada gives the published answers (4, 3, 7, 1/3, 3, 5).
  const aContext = await browser.newContext();
  const page = await aContext.newPage();
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${ws.decisionId}/ahp`);
  for (const [pair, label] of ANSWERS)
    await question(page, pair).getByRole("radio", { name: label, exact: true }).check();
  await expect(page.getByTestId("ahp-save-status")).toHaveText("All answers saved");
  // numpy: group = sqrt(ada · bo) per pair; d = ln(own) − ln(group); distance = sqrt(mean(d²)) = 0.46437 for both
  // (with two people each is half the log gap from the other), factor e^0.46437 = 1.5910 → "×1.59". Ada's largest
  // |d| is Experience vs Charisma: her 3 against the group's sqrt(3 · 1/2) = 1.2247 → "1.22×".
  const rows = page.getByTestId("ahp-distances").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("ahp-distances").locator('tr[data-evaluator="Bo Architect"]')).toHaveText(
    /^Bo Architect\s*6\s*×1\.59$/,
  );
  await expect(page.getByTestId("ahp-distances").locator('tr[data-evaluator="Ada Architect"]')).toHaveText(
    /^Ada Architect \(you\)\s*6\s*×1\.59$/,
  );
  await expect(page.getByTestId("ahp-my-farthest")).toHaveText(
    "Your answer furthest from the group is Experience vs Charisma: you said “Experience is moderately more important " +
      "than Charisma (3)”; the group's answer works out at Experience 1.22× as important as Charisma.",
  );
  // The pairs most apart, Ada / Bo: Experience vs Charisma 3 and 1/2 (apart 6, group √1.5 = 1.22), Education vs
  // Charisma 1/3 and 1 (apart 3, group √(1/3): Charisma √3 = 1.73×), Experience vs Education 4 and 2 (2), Education
  // vs Age 3 and 2 (1.5), Experience vs Age 7 and 5 (1.4); Charisma vs Age 5 and 5 agree and are not listed.
  const split = page.getByTestId("ahp-split-pairs").locator("tbody tr");
  await expect(split).toHaveCount(5);
  await expect(split.nth(0)).toHaveText(
    "Experience vs Charisma" +
      "2" +
      "Charisma is equally to moderately more important than Experience (2)" +
      "Experience is moderately more important than Charisma (3)" +
      "Experience 1.22× as important as Charisma" +
      "×6.00",
  );
  await expect(split.nth(1)).toHaveText(
    "Education vs Charisma" +
      "2" +
      "Charisma is moderately more important than Education (3)" +
      "Education and Charisma are equally important (1)" +
      "Charisma 1.73× as important as Education" +
      "×3.00",
  );
  await expect(split.locator("td:last-child")).toHaveText(["×6.00", "×3.00", "×2.00", "×1.50", "×1.40"]);
  await expectNoSeriousAxeViolations(page);
  await aContext.close();
});
