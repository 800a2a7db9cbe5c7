// The read-only decision pages on the seeded demo data. Expected figures are computed by hand (working in comments),
// never read from the app.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

const cellText = async (row: Locator, index: number) => (await row.locator("td, th").nth(index).innerText()).trim();

async function openDecision(page: Page, title: string) {
  await page.goto("/");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.viewer);
});

test("the decisions list shows the three demo decisions with their teams", async ({ page }) => {
  await page.goto("/");
  const list = page.getByTestId("decision-list");
  await expect(list.getByRole("row")).toHaveCount(4); // header + 3
  await expect(list.getByRole("row", { name: /Message broker for order events/ })).toContainText("Order platform");
  await expect(list.getByRole("row", { name: /Backend language for the API gateway/ })).toContainText("API gateway");
  await expect(list.getByRole("row", { name: /Garbage collector for the payments service/ })).toContainText("Payments");
});

test("broker decision: totals 7.70 / 6.70 / 5.60 with contributions that add up", async ({ page }) => {
  await openDecision(page, "Message broker for order events");
  const ranking = page.getByTestId("ranking");
  const rows = ranking.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  // Ranks, totals and the lead over the next candidate: 7.70 − 6.70 = 1.00, 6.70 − 5.60 = 1.10.
  const expected = [
    ["1", "RabbitMQ", "7.70", "1.00"],
    ["2", "Kafka", "6.70", "1.10"],
    ["3", "Pulsar", "5.60", "—"],
  ];
  for (const [i, [rank, name, total, margin]] of expected.entries()) {
    const row = rows.nth(i);
    expect(await cellText(row, 0)).toBe(rank);
    expect(await cellText(row, 1)).toBe(name);
    expect(await cellText(row, 2)).toBe(total);
    expect(await cellText(row, 3)).toBe(margin);
  }

  // Contribution = weight share × points: Kafka .20·6, .25·5, .15·9, .30·7, .10·8.
  const contributions = page.getByTestId("contributions");
  const header = (await contributions.locator("thead th").allInnerTexts()).map((s) => s.trim());
  expect(header).toEqual(["Criterion", "Weight share", "Kafka", "RabbitMQ", "Pulsar"]);
  const table: Record<string, string[]> = {};
  for (const row of await contributions.locator("tbody tr").all()) {
    const cells = (await row.locator("th, td").allInnerTexts()).map((s) => s.trim());
    table[cells[0]] = cells.slice(1);
  }
  expect(table).toEqual({
    "Learning cost": ["20.0%", "1.20", "1.60", "1.00"],
    "Operational complexity": ["25.0%", "1.25", "1.75", "1.00"],
    "Community activity": ["15.0%", "1.35", "1.05", "1.20"],
    "Team familiarity": ["30.0%", "2.10", "2.70", "1.50"],
    "Ecosystem compatibility": ["10.0%", "0.80", "0.60", "0.90"],
  });
  const footer = (await contributions.locator("tfoot tr").locator("th, td").allInnerTexts()).map((s) => s.trim());
  expect(footer).toEqual(["Total", "100.0%", "6.70", "7.70", "5.60"]);

  // Team fit: RabbitMQ .7·8+.3·5 = 7.10, Kafka .9·6+.1·5 = 5.90, Pulsar .6·6+.4·7 = 6.40.
  const skills = page.getByTestId("skill-match");
  await expect(skills.locator('tr[data-candidate="RabbitMQ"] [data-testid="skill-match-value"]')).toHaveText("7.10");
  await expect(skills.locator('tr[data-candidate="Kafka"] [data-testid="skill-match-value"]')).toHaveText("5.90");
  await expect(skills.locator('tr[data-candidate="Pulsar"] [data-testid="skill-match-value"]')).toHaveText("6.40");
});

test("criteria table shows raw weights and normalised shares", async ({ page }) => {
  await openDecision(page, "Message broker for order events");
  const rows = page.getByTestId("criteria").locator("tbody tr");
  await expect(rows).toHaveCount(5);
  const shares: Record<string, string> = {};
  for (const row of await rows.all()) {
    const name = (await row.locator("th span").first().innerText()).trim();
    shares[name] = `${await cellText(row, 4)} → ${await cellText(row, 5)}`;
  }
  expect(shares).toEqual({
    "Learning cost": "20 → 20.0%",
    "Operational complexity": "25 → 25.0%",
    "Community activity": "15 → 15.0%",
    "Team familiarity": "30 → 30.0%",
    "Ecosystem compatibility": "10 → 10.0%",
  });
});

test("backend decision converts raw metrics: Go 8.68, Python 4.09", async ({ page }) => {
  // Latency 50.7 ms against references worst 150 / best 30 → 10·99.3/120 = 8.275 → "8.28 points" (8.275 is stored
  // exactly as 8.2749999…, so it prints 8.27 or 8.28 depending on binary rounding: accept the correct-half rule by
  // checking the total instead). Totals: see prisma/seed/demo.test.ts for the working.
  await openDecision(page, "Backend language for the API gateway");
  const rows = page.getByTestId("ranking").locator("tbody tr");
  expect(await cellText(rows.nth(0), 1)).toBe("Go");
  expect(await cellText(rows.nth(0), 2)).toBe("8.68");
  expect(await cellText(rows.nth(0), 3)).toBe("4.59");
  expect(await cellText(rows.nth(1), 1)).toBe("Python");
  expect(await cellText(rows.nth(1), 2)).toBe("4.09");
  const matrix = page.getByTestId("score-matrix");
  await expect(matrix.getByRole("row", { name: /Throughput/ })).toContainText("9,842");
  await expect(matrix.getByRole("row", { name: /Throughput/ })).toContainText("6,135");
});

test("garbage collector decision strikes out Parallel GC with the must-have reason", async ({ page }) => {
  await openDecision(page, "Garbage collector for the payments service");
  const rows = page.getByTestId("ranking").locator("tbody tr");
  await expect(rows.nth(2)).toHaveAttribute("data-candidate", "Parallel GC");
  await expect(rows.nth(2).locator("s")).toHaveText("Parallel GC");
  await expect(rows.nth(2)).toContainText("Excluded: p99 GC pause is 420 ms, above the must-have 200 ms");
  expect(await cellText(rows.nth(0), 1)).toBe("G1");
  expect(await cellText(rows.nth(0), 2)).toBe("6.65"); // 6.646876 (numpy)
});

test("the language switch turns the page into Chinese and the choice persists", async ({ page }) => {
  await openDecision(page, "Message broker for order events");
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "排名", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.reload();
  await expect(page.getByRole("heading", { name: "每一分从哪里来" })).toBeVisible();
  await expect(page.getByTestId("ranking").locator("tbody tr").first()).toContainText("7.70");
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { name: "Ranking" })).toBeVisible();
});

test("an unknown decision id is a 404 page, not an error", async ({ page }) => {
  const response = await page.goto("/decisions/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
