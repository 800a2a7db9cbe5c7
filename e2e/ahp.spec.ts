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
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
