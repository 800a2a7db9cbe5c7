// Pairwise comparison of the candidates, as an architect meets it: a rating criterion switched to "compare in pairs"
// in the setup, its three questions answered on the AHP tab with the points and consistency updating live, the
// answers kept over a reload, the score grid pointing there instead of asking for scores, and the report stating how
// the points were derived. Then the same page in Chinese.
//
// Independent values (numpy, np.linalg.eig of A = [[1, 1/3, 2], [3, 1, 5], [1/2, 1/5, 1]] for Kafka, RabbitMQ,
// Pulsar): principal eigenvector .22965 / .64833 / .12202; ideal-mode points 10·p/max p = 3.5422 / 10 / 1.8821;
// λmax 3.003695, CI 0.001847, CR = CI / 0.58 = 0.003185 → shown as 0.003.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { createScoresWorkspace } from "./support/scores-fixtures";

const question = (page: Page, pair: string) => page.locator(`[data-testid="compare-question"][data-pair="${pair}"]`);
const points = (page: Page, candidate: string) =>
  page.getByTestId("compare-points").locator(`tr[data-candidate="${candidate}"] td`);

test("candidates compared in pairs: setup switch, live points and CR, saved answers, scores and report", async ({
  page,
}) => {
  const ws = await createScoresWorkspace({ scoredBy: [] });
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${ws.decisionId}/setup`);
  const row = page.getByTestId("criterion-row").filter({ hasText: "Details of Operational complexity" });
  await row.getByText("Details of Operational complexity").click();
  await expect(row.getByLabel("Direction")).toBeVisible();
  const pairwise = row.getByRole("checkbox", { name: "Compare the candidates in pairs (AHP) instead of scoring them" });
  await expect(pairwise).not.toBeChecked();
  await pairwise.check();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  // Preferences already point the right way and the points are 0–10: no direction, no scale.
  await expect(row.getByLabel("Direction")).toHaveCount(0);
  await expect(row.getByLabel("Scale minimum")).toHaveCount(0);
  await row.getByRole("link", { name: "Compare the candidates on this criterion" }).click();

  await expect(page.getByRole("heading", { name: "Compare the candidates in pairs", level: 2 })).toBeVisible();
  await expect(page.getByLabel("Choose the criterion to compare on")).toHaveValue(/.+/);
  await expect(page.getByTestId("compare-question")).toHaveCount(3);
  await expect(page.getByTestId("compare-own-cr")).toHaveText("needs more answers");
  await question(page, "Kafka vs RabbitMQ")
    .getByRole("radio", { name: "RabbitMQ is moderately better than Kafka (3)", exact: true })
    .check();
  await question(page, "Kafka vs Pulsar")
    .getByRole("radio", { name: "Kafka is equally to moderately better than Pulsar (2)", exact: true })
    .check();
  // Two answers already connect the three candidates (Harker's method fills the third pair).
  await expect(points(page, "RabbitMQ").nth(2)).toHaveText("10.00");
  await question(page, "RabbitMQ vs Pulsar")
    .getByRole("radio", { name: "RabbitMQ is strongly better than Pulsar (5)", exact: true })
    .check();
  await expect(page.getByTestId("compare-save-status")).toHaveText("All answers saved");
  await expect(points(page, "Kafka")).toHaveText(["3.54", "0.230", "3.54"]);
  await expect(points(page, "RabbitMQ")).toHaveText(["10.00", "0.648", "10.00"]);
  await expect(points(page, "Pulsar")).toHaveText(["1.88", "0.122", "1.88"]);
  await expect(page.getByTestId("compare-own-cr")).toHaveText("0.003 · consistent (≤ 0.10)");
  await expect(page.getByTestId("compare-group-cr")).toHaveText("0.003 · consistent (≤ 0.10)");
  const axe = await new AxeBuilder({ page }).include('[data-testid="candidate-comparison"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  // Kept over a reload, in the orientation asked.
  await page.reload();
  await expect(question(page, "Kafka vs RabbitMQ").getByTestId("compare-answer")).toHaveText(
    "RabbitMQ is moderately better than Kafka (3)",
  );
  await expect(points(page, "Pulsar").nth(2)).toHaveText("1.88");

  // The score grid no longer asks for scores on it, and says where its points come from.
  await page.goto(`/decisions/${ws.decisionId}/scores`);
  // Blind until the 12 scored cells (4 rating criteria × 3) and the 3 pairs are all done.
  await expect(page.getByTestId("score-notice")).toHaveText(
    "Blind scoring: the group's scores stay hidden until you have scored all 12 cells and answered all 3 pairwise " +
      "questions, so nobody anchors on anyone else.",
  );
  await expect(page.getByTestId("pairwise-notice")).toContainText(
    "Operational complexity compares the candidates in pairs instead of scoring them.",
  );
  await expect(page.getByRole("rowheader", { name: /Operational complexity/ })).toHaveCount(0);
  await page.getByTestId("pairwise-notice").getByRole("link", { name: "Compare the candidates" }).click();
  await expect(page.getByTestId("candidate-comparison")).toBeVisible();

  // The report states the derivation with the consistency ratio.
  await page.goto(`/decisions/${ws.decisionId}/report`);
  await expect(
    page.getByText(
      "Points from comparing the candidates in pairs (AHP, ideal mode): the best candidate is 10 and the others " +
        "their priority's ratio to it, from 1 evaluator; consistency ratio 0.003.",
    ),
  ).toBeVisible();

  // In Chinese.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.goto(`/decisions/${ws.decisionId}/ahp`);
  await expect(page.getByRole("heading", { name: "两两比较候选方案", level: 2 })).toBeVisible();
  await expect(question(page, "Kafka vs RabbitMQ").locator("legend")).toHaveText(
    "1. 在Operational complexity上，哪个更好：Kafka 还是 RabbitMQ？",
  );
  await expect(question(page, "Kafka vs RabbitMQ").getByTestId("compare-answer")).toHaveText(
    "RabbitMQ 稍微好于 Kafka（3）",
  );
  await expect(page.getByTestId("compare-own-cr")).toContainText("0.003");
});
