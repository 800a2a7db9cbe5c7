// The criteria tree as an architect builds it: a group added in the setup, two criteria moved under it, the group
// moved to the top with its sub-criteria, local and global shares live, the score grid asking only for the leaves,
// the results listing the tree, and a non-empty group refusing to be removed.
//
// Independent values (numpy): top level Operations 30, Community 15, Familiarity 30, Ecosystem 10 → shares
// .352941 / .176471 / .352941 / .117647; inside Operations, Learning cost 20 and Operational complexity 25 →
// .444444 / .555556, so their global shares are .156863 and .196078. With the demo's mean scores
// (Kafka 6/5/9/7/8, RabbitMQ 8/7/7/9/6, Pulsar 5/4/8/5/9) the totals are Kafka 6.9216, RabbitMQ 7.7451, Pulsar 5.8039.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { criterionNames, criterionRows, criterionShares, rowByName } from "./support/criterion-rows";
import { createScoresWorkspace } from "./support/scores-fixtures";

const rows = criterionRows;
const names = criterionNames;
const shares = criterionShares;

async function saved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
}

async function moveUnder(page: Page, name: string, group: string) {
  const row = rowByName(page, name);
  await row.getByText(`Details of ${name}`).click();
  await row.getByLabel("Group").selectOption({ label: group });
  await saved(page);
}

test("a criteria tree: group in the setup, local and global shares, leaves scored, the tree in the results", async ({
  page,
}) => {
  const ws = await createScoresWorkspace({ scoredBy: ["ada", "bo"] });
  await signIn(page, ws.email.ada);
  await page.goto(`/decisions/${ws.decisionId}/setup`);

  await page.getByLabel("New criterion").fill("Operations");
  await page.getByRole("button", { name: "Add criterion" }).click();
  const ops = rows(page).filter({ has: page.locator('input[value="Operations"]') });
  await ops.getByLabel("Weight").fill("30");
  await ops.getByLabel("Weight").blur();
  await saved(page);
  await moveUnder(page, "Learning cost", "Operations");
  await moveUnder(page, "Operational complexity", "Operations");

  // Depth first: the group is last at the top level, its sub-criteria under it.
  await expect
    .poll(() => names(page))
    .toEqual([
      "Community activity",
      "Team familiarity",
      "Ecosystem compatibility",
      "Operations",
      "Learning cost",
      "Operational complexity",
    ]);
  expect(await shares(page)).toEqual(["17.6%", "35.3%", "11.8%", "35.3%", "15.7%", "19.6%"]);
  await expect(rowByName(page, "Learning cost").getByTestId("local-share")).toHaveText("44.4% of Operations");
  await expect(rowByName(page, "Operations").getByTestId("group-hint")).toContainText("Group of 2 sub-criteria");
  await expect(rowByName(page, "Learning cost")).toHaveAttribute("data-depth", "2");

  // Up past its three siblings, its sub-criteria with it; the keyboard does the same as the buttons.
  for (let k = 0; k < 2; k++) await page.getByRole("button", { name: "Move Operations up" }).click();
  await rowByName(page, "Operations").getByLabel("Name", { exact: true }).focus();
  await page.keyboard.press("Alt+ArrowUp");
  await saved(page);
  await expect(page.getByRole("status").filter({ hasText: "Operations moved to position 1 of 4." })).toBeVisible();
  await expect
    .poll(() => names(page))
    .toEqual([
      "Operations",
      "Learning cost",
      "Operational complexity",
      "Community activity",
      "Team familiarity",
      "Ecosystem compatibility",
    ]);
  // A sub-criterion moves among its siblings only: the first has no "up".
  await expect(page.getByRole("button", { name: "Move Learning cost up" })).toBeDisabled();

  // A criterion cannot go under its own sub-criterion: the select does not offer it.
  await rowByName(page, "Operations").getByText("Details of Operations").click();
  const groupOptions = await rowByName(page, "Operations").getByLabel("Group").locator("option").allInnerTexts();
  expect(groupOptions).not.toContain("Learning cost");
  expect(groupOptions).toContain("None (top level)");

  // A group with sub-criteria is not removed: the message says why, and nothing changes.
  await page.getByRole("button", { name: "Remove Operations" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A group is removed once it is empty" })).toBeVisible();
  await expect(rows(page)).toHaveCount(6);

  const axe = await new AxeBuilder({ page }).include('[data-testid="criteria-editor"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  // The score grid asks for the leaves only.
  await page.goto(`/decisions/${ws.decisionId}/scores`);
  const grid = page.getByTestId("score-grid");
  await expect(grid).toContainText("Learning cost");
  await expect(grid.getByRole("rowheader", { name: /^Operations/ })).toHaveCount(0);

  // Results: totals over the leaves with global weights, and the tree in the criteria table.
  await page.goto(`/decisions/${ws.decisionId}`);
  const ranking = page.getByTestId("ranking").locator("tbody tr");
  await expect(ranking.nth(0)).toContainText("RabbitMQ");
  await expect(ranking.nth(0)).toContainText("7.75");
  await expect(ranking.nth(1)).toContainText("6.92");
  await expect(ranking.nth(2)).toContainText("5.80");
  const table = page.getByTestId("criteria");
  const group = table.locator("tbody tr").filter({ hasText: "Operations" }).first();
  await expect(group).toHaveClass(/tree-group/);
  await expect(group).toContainText("Group");
  await expect(group).toContainText("35.3%");
  const learning = table.locator("tbody tr").filter({ hasText: "Learning cost" });
  await expect(learning).toContainText("15.7%");
  await expect(learning.getByTestId("local-share")).toHaveText("44.4% of Operations");
});
