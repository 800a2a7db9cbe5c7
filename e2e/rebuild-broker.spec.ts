// Capstone user story of the workflows: starting from an empty workspace, an admin, an architect and a team lead
// rebuild the demo broker decision entirely through the UI (no seed functions, no database access) and arrive at the
// same numbers as the demo. Every expected figure is worked out by hand in the comments, never read from the app; the
// demo's own figures are then read the same way and compared.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

const PASSWORD = "a long enough passphrase";
const TITLE = "Message broker for order events";
const TEAM = "Order platform";

const SKILLS = [
  { name: "AMQP", category: "Messaging" },
  { name: "JMS", category: "Messaging" },
  { name: "Streaming", category: "Messaging" },
  { name: "Kubernetes", category: "Operations" },
];
const MEMBERS = ["Mei Chen", "Tomás Silva", "Lina Park"];
const RATINGS: Record<string, Record<string, number>> = {
  "Mei Chen": { AMQP: 10, JMS: 6, Streaming: 7, Kubernetes: 5 },
  "Tomás Silva": { AMQP: 6, JMS: 4, Streaming: 5, Kubernetes: 8 },
  "Lina Park": { AMQP: 4, JMS: 2, Streaming: 3, Kubernetes: 6 },
};
const CRITERIA: [string, number][] = [
  ["Learning cost", 20],
  ["Operational complexity", 25],
  ["Community activity", 15],
  ["Team familiarity", 30],
  ["Ecosystem compatibility", 10],
];
const CANDIDATES = ["Kafka", "RabbitMQ", "Pulsar"];
// Scores[criterion][candidate] in the order above: Kafka 6/5/9/7/8, RabbitMQ 8/7/7/9/6, Pulsar 5/4/8/5/9.
const SCORES = [
  [6, 8, 5],
  [5, 7, 4],
  [9, 7, 8],
  [7, 9, 5],
  [8, 6, 9],
];
const REQUIREMENTS: Record<string, [string, string][]> = {
  RabbitMQ: [
    ["AMQP", "0.7"],
    ["JMS", "0.3"],
  ],
  Kafka: [
    ["Streaming", "0.9"],
    ["JMS", "0.1"],
  ],
  Pulsar: [
    ["Streaming", "0.6"],
    ["Kubernetes", "0.4"],
  ],
};

// ——— Expected figures, by hand ———
// Weights 20+25+15+30+10 = 100, so the shares are .20/.25/.15/.30/.10.
// Kafka    .20·6 + .25·5 + .15·9 + .30·7 + .10·8 = 1.20 + 1.25 + 1.35 + 2.10 + 0.80 = 6.70
// RabbitMQ .20·8 + .25·7 + .15·7 + .30·9 + .10·6 = 1.60 + 1.75 + 1.05 + 2.70 + 0.60 = 7.70
// Pulsar   .20·5 + .25·4 + .15·8 + .30·5 + .10·9 = 1.00 + 1.00 + 1.20 + 1.50 + 0.90 = 5.60
// Ranking RabbitMQ, Kafka, Pulsar; lead over the next: 7.70 − 6.70 = 1.00, 6.70 − 5.60 = 1.10, last "—".
const RANKING = [
  ["1", "RabbitMQ", "7.70", "1.00"],
  ["2", "Kafka", "6.70", "1.10"],
  ["3", "Pulsar", "5.60", "—"],
];
// Team level = mean of the two strongest members (the default aggregation):
// AMQP (10+6)/2 = 8, JMS (6+4)/2 = 5, Streaming (7+5)/2 = 6, Kubernetes (8+6)/2 = 7.
const TEAM_LEVELS = { AMQP: "8.00", JMS: "5.00", Streaming: "6.00", Kubernetes: "7.00" };
// Skill match = Σ requirement share × team level (each candidate's weights sum to 1):
// RabbitMQ .7·8 + .3·5 = 5.6 + 1.5 = 7.10; Kafka .9·6 + .1·5 = 5.4 + 0.5 = 5.90; Pulsar .6·6 + .4·7 = 3.6 + 2.8 = 6.40.
const SKILL_MATCH = { Kafka: "5.90", RabbitMQ: "7.10", Pulsar: "6.40" };

const uniqueEmail = (tag: string) => `e2e-rebuild-${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const cellText = async (row: Locator, index: number) => (await row.locator("td, th").nth(index).innerText()).trim();

// ——— Accounts (as in auth.spec.ts) ———
async function signUp(page: Page, opts: { name: string; email: string; workspace: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(opts.name);
  await page.getByLabel("Email").fill(opts.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Workspace name").fill(opts.workspace);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function invite(admin: Page, role: "Architect" | "Team lead") {
  await admin.goto("/settings/members");
  await admin.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await admin.getByRole("button", { name: "Create invitation link" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return link;
}

/** The invited person opens the link in their own browser and signs up there. */
async function joinByLink(browser: Browser, link: string, opts: { name: string; workspace: string; role: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(`You are invited to join ${opts.workspace} as ${opts.role}.`)).toBeVisible();
  await page.getByLabel("Your name").fill(opts.name);
  await page.getByLabel("Email").fill(uniqueEmail(opts.role.replace(" ", "").toLowerCase()));
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Join workspace" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole("banner").getByRole("combobox", { name: "Workspace" }).locator("option:checked"),
  ).toHaveText(`${opts.workspace} · ${opts.role}`);
  return page;
}

// ——— Teams and ratings (as in teams.spec.ts) ———
const ratingCell = (page: Page, member: string, skill: string) =>
  page.locator(`td[data-member="${member}"][data-skill="${skill}"]`);
const vectorRow = (page: Page, skill: string) => page.getByTestId("team-vector").locator(`tr[data-skill="${skill}"]`);
const teamSaveStatus = (page: Page) => page.getByTestId("save-status").first();

async function rate(page: Page, member: string, skill: string, value: number) {
  await ratingCell(page, member, skill).click();
  await page.keyboard.type(String(value));
  await page.keyboard.press("Enter");
  await expect(teamSaveStatus(page)).toHaveAttribute("data-state", "saved");
}

// ——— Setup (as in setup.spec.ts) ———
const criterionRows = (page: Page) => page.getByTestId("criterion-row");
const rowByName = (page: Page, name: string) => criterionRows(page).filter({ hasText: `Details of ${name}` });
const setupNames = (rows: Locator) =>
  rows.getByLabel("Name", { exact: true }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const shares = async (page: Page) =>
  (await criterionRows(page).getByTestId("share").locator(".share-value").allInnerTexts()).map((s) => s.trim());

async function expectSetupSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
}

// ——— Scores (as in scores.spec.ts) ———
const scoreGrid = (page: Page) => page.getByRole("grid");
const scoreCell = (page: Page, criterion: string, candidate: string) =>
  scoreGrid(page).locator(`tr[data-criterion="${criterion}"] td[data-candidate="${candidate}"]`);
const scoreTotal = (page: Page, candidate: string) =>
  page.locator(`[data-testid="score-total"][data-candidate="${candidate}"] .total-value`);

// ——— Results (as in decisions.spec.ts) ———
async function readResults(page: Page) {
  const rows = page.getByTestId("ranking").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  const ranking: string[][] = [];
  for (const row of await rows.all())
    ranking.push([await cellText(row, 0), await cellText(row, 1), await cellText(row, 2), await cellText(row, 3)]);
  const skills = page.getByTestId("skill-match");
  const match: Record<string, string> = {};
  // textContent, not innerText: the table sits in a section that may be collapsed (innerText of hidden text is "").
  for (const c of CANDIDATES)
    match[c] = (
      (await skills.locator(`tr[data-candidate="${c}"] [data-testid="skill-match-value"]`).textContent()) ?? ""
    ).trim();
  return { ranking, match };
}

test("an admin, an architect and a team lead rebuild the demo broker decision from an empty workspace, through the UI, and get the demo's numbers", async ({
  page: admin,
  browser,
}) => {
  test.setTimeout(300_000);
  const workspace = `Rebuild ${Date.now().toString(36)}`;

  // 1. A new person signs up: an empty workspace where they are admin. They invite an architect and a team lead.
  await test.step("admin signs up and invites an architect and a team lead", async () => {
    await signUp(admin, { name: "Rhea Rebuild", email: uniqueEmail("admin"), workspace });
    await expect(
      admin.getByRole("banner").getByRole("combobox", { name: "Workspace" }).locator("option:checked"),
    ).toHaveText(`${workspace} · Admin`);
    await expect(admin.getByRole("heading", { name: "Start your first decision" })).toBeVisible();
  });
  const architectLink = await invite(admin, "Architect");
  const leadLink = await invite(admin, "Team lead");
  const architect = await joinByLink(browser, architectLink, { name: "Arjun Architect", workspace, role: "Architect" });
  const lead = await joinByLink(browser, leadLink, { name: "Lea Lead", workspace, role: "Team lead" });
  await admin.goto("/settings/members");
  await expect(admin.getByRole("row", { name: /Arjun Architect/ }).getByRole("combobox")).toHaveValue("ARCHITECT");
  await expect(admin.getByRole("row", { name: /Lea Lead/ }).getByRole("combobox")).toHaveValue("TEAM_LEAD");

  // 2. The team lead builds the skill catalog, the team and its ratings.
  await test.step("team lead creates the skills", async () => {
    await lead.goto("/skills");
    await expect(lead.getByText("No skills yet.")).toBeVisible();
    const add = lead.getByRole("region", { name: "Add a skill" });
    for (const [i, s] of SKILLS.entries()) {
      await add.getByLabel("Name").fill(s.name);
      await add.getByLabel("Category").fill(s.category);
      await add.getByRole("button", { name: "Add skill" }).click();
      await expect(lead.getByTestId("skill-catalog").locator("tbody tr")).toHaveCount(i + 1);
      await expect(lead.getByTestId("skill-catalog").locator(`tr[data-skill="${s.name}"]`)).toBeVisible();
      await expect(add.getByLabel("Name")).toHaveValue("");
    }
  });

  await test.step("team lead creates the team with three members", async () => {
    await lead.goto("/teams");
    await expect(lead.getByText("No teams yet.")).toBeVisible();
    const create = lead.getByRole("region", { name: "Create a team" });
    await create.getByLabel("Name").fill(TEAM);
    // The default aggregation is the demo's: mean of the two strongest members.
    await expect(create.getByLabel("How members' ratings become the team's level")).toHaveValue("top2");
    await create.getByRole("button", { name: "Create team" }).click();
    // Creating a team opens it.
    await expect(lead.getByRole("heading", { level: 1, name: TEAM })).toBeVisible();
    await expect(lead).toHaveURL(/\/teams\/[^/]+$/);
    const addMember = lead.locator("form.add-member");
    for (const [i, name] of MEMBERS.entries()) {
      await addMember.getByLabel("Name").fill(name);
      await addMember.getByRole("button", { name: "Add member" }).click();
      await expect(lead.getByTestId("member-row")).toHaveCount(i + 1);
      await expect(addMember.getByLabel("Name")).toHaveValue("");
    }
    await expect(ratingCell(lead, "Lina Park", "Kubernetes")).toBeVisible();
  });

  await test.step("team lead rates every member by keyboard", async () => {
    for (const member of MEMBERS) for (const s of SKILLS) await rate(lead, member, s.name, RATINGS[member][s.name]);
    for (const [skill, level] of Object.entries(TEAM_LEVELS))
      await expect(vectorRow(lead, skill).getByTestId("team-level")).toHaveText(level);
    // Nothing lost on reload: every cell comes back from the database.
    await lead.reload();
    for (const member of MEMBERS)
      for (const s of SKILLS)
        await expect(ratingCell(lead, member, s.name)).toHaveText(String(RATINGS[member][s.name]));
    for (const [skill, level] of Object.entries(TEAM_LEVELS))
      await expect(vectorRow(lead, skill).getByTestId("team-level")).toHaveText(level);
  });

  // 3. The architect frames and scores the decision.
  let decisionId = "";
  await test.step("architect creates a blank decision owned by the team", async () => {
    await architect.goto("/");
    await expect(architect.getByRole("heading", { name: "Start your first decision" })).toBeVisible();
    await architect.getByRole("link", { name: "New decision" }).click();
    await expect(architect).toHaveURL(/\/decisions\/new$/);
    await architect.getByLabel("Blank decision").check();
    await architect.getByLabel("Title").fill(TITLE);
    await architect.getByLabel("Owning team").selectOption({ label: TEAM });
    await architect.getByRole("button", { name: "Create decision" }).click();
    // A new decision opens on its matrix; the detailed editors are one tab away.
    await expect(architect).toHaveURL(/\/decisions\/[^/]+\/matrix$/);
    await architect.getByRole("navigation", { name: "Decision views" }).getByRole("link", { name: "Setup" }).click();
    await expect(architect).toHaveURL(/\/decisions\/[^/]+\/setup$/);
    await expect(architect.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    decisionId = architect.url().split("/decisions/")[1].split("/")[0];
    await expect(architect.getByText("No criteria yet.")).toBeVisible();
    await expect(architect.getByText("No candidates yet.")).toBeVisible();
  });

  await test.step("architect adds the criteria with their weights and the candidates", async () => {
    const newCriterion = architect.getByTestId("add-criterion").getByLabel("New criterion");
    for (const [i, [name, weight]] of CRITERIA.entries()) {
      await newCriterion.fill(name);
      await newCriterion.press("Enter");
      await expect(criterionRows(architect)).toHaveCount(i + 1);
      await expect(newCriterion).toHaveValue("");
      const row = rowByName(architect, name);
      // A new criterion is a rating on 0–10 where higher is better.
      await row.getByText(`Details of ${name}`).click();
      await expect(row.getByLabel("Kind")).toHaveValue("RATING");
      await expect(row.getByLabel("Direction")).toHaveValue("BENEFIT");
      await expect(row.getByLabel("Scale minimum")).toHaveValue("0");
      await expect(row.getByLabel("Scale maximum")).toHaveValue("10");
      await row.getByLabel("Weight").fill(String(weight));
      await expectSetupSaved(architect);
    }
    expect(await setupNames(criterionRows(architect))).toEqual(CRITERIA.map(([n]) => n));
    // The weights sum to 100, so each share is the weight in percent.
    expect(await shares(architect)).toEqual(["20.0%", "25.0%", "15.0%", "30.0%", "10.0%"]);

    const newCandidate = architect.getByTestId("add-candidate").getByLabel("New candidate");
    for (const [i, name] of CANDIDATES.entries()) {
      await newCandidate.fill(name);
      await newCandidate.press("Enter");
      await expect(architect.getByTestId("candidate-row")).toHaveCount(i + 1);
      await expect(newCandidate).toHaveValue("");
    }
    await expectSetupSaved(architect);

    await architect.reload();
    expect(await setupNames(criterionRows(architect))).toEqual(CRITERIA.map(([n]) => n));
    expect(await shares(architect)).toEqual(["20.0%", "25.0%", "15.0%", "30.0%", "10.0%"]);
    expect(await setupNames(architect.getByTestId("candidate-row"))).toEqual(CANDIDATES);
  });

  await test.step("architect scores the grid by keyboard", async () => {
    await architect.getByRole("navigation", { name: "Decision views" }).getByRole("link", { name: "Scores" }).click();
    await expect(scoreGrid(architect)).toBeVisible();
    // Row by row, Tab between cells, Enter after the last one.
    await scoreCell(architect, CRITERIA[0][0], CANDIDATES[0]).click();
    for (const [i, row] of SCORES.entries()) {
      for (const [j, v] of row.entries()) {
        await architect.keyboard.type(String(v));
        await architect.keyboard.press(i === SCORES.length - 1 && j === row.length - 1 ? "Enter" : "Tab");
      }
    }
    await expect(architect.getByTestId("save-status")).toHaveText("All changes saved");
    await expect(architect.getByTestId("score-progress").locator('li[data-evaluator="Arjun Architect"]')).toContainText(
      "15 of 15 cells",
    );
    await architect.reload();
    await expect(scoreTotal(architect, "Kafka")).toHaveText("6.70");
    await expect(scoreTotal(architect, "RabbitMQ")).toHaveText("7.70");
    await expect(scoreTotal(architect, "Pulsar")).toHaveText("5.60");
    await expect(scoreCell(architect, "Team familiarity", "RabbitMQ").locator(".cell-value")).toHaveText("9");
  });

  // 4. The team lead states which skills each candidate needs.
  await test.step("team lead sets the skill requirements on the Team fit tab", async () => {
    await lead.goto("/");
    await lead.getByRole("link", { name: TITLE }).click();
    await expect(lead.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await lead.getByRole("navigation", { name: "Decision views" }).getByRole("link", { name: "Team fit" }).click();
    await expect(lead).toHaveURL(new RegExp(`/decisions/${decisionId}/team$`));
    await expect(lead.getByText(`Ratings from ${TEAM}`)).toBeVisible();
    for (const [candidate, reqs] of Object.entries(REQUIREMENTS)) {
      const section = lead.locator(`section[data-candidate="${candidate}"]`);
      const form = lead.getByRole("form", { name: `Add a requirement to ${candidate}` });
      for (const [i, [skill, weight]] of reqs.entries()) {
        await form.getByLabel("Skill").selectOption({ label: skill });
        await form.getByLabel("Weight").fill(weight);
        await form.getByRole("button", { name: "Add" }).click();
        await expect(section.locator("tbody tr")).toHaveCount(i + 1);
        await expect(section.locator(`tr[data-skill="${skill}"]`)).toBeVisible();
        await expect(lead.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
      }
    }
    for (const [candidate, value] of Object.entries(SKILL_MATCH)) {
      await expect(lead.locator(`section[data-candidate="${candidate}"] [data-testid="skill-match-value"]`)).toHaveText(
        value,
      );
    }
    await lead.reload();
    for (const [candidate, value] of Object.entries(SKILL_MATCH)) {
      await expect(lead.locator(`section[data-candidate="${candidate}"] [data-testid="skill-match-value"]`)).toHaveText(
        value,
      );
    }
  });

  // 5. The results page shows the hand-computed figures, and they equal the demo decision's.
  const rebuilt = await test.step("the results page shows the hand-computed ranking and skill match", async () => {
    await architect.goto(`/decisions/${decisionId}`);
    await expect(architect.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(architect.getByTestId("ranking").locator("tbody tr").first()).toHaveAttribute(
      "data-candidate",
      "RabbitMQ",
    );
    const skills = architect.getByTestId("skill-match");
    for (const [candidate, value] of Object.entries(SKILL_MATCH)) {
      await expect(skills.locator(`tr[data-candidate="${candidate}"] [data-testid="skill-match-value"]`)).toHaveText(
        value,
      );
    }
    const results = await readResults(architect);
    expect(results.ranking).toEqual(RANKING);
    expect(results.match).toEqual(SKILL_MATCH);
    return results;
  });

  await test.step("the demo's broker decision shows the same numbers", async () => {
    const context = await browser.newContext();
    const viewer = await context.newPage();
    await signIn(viewer, DEMO.viewer);
    await viewer.goto("/");
    await viewer.getByRole("link", { name: TITLE, exact: true }).click();
    await expect(viewer.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(viewer.getByTestId("ranking").locator("tbody tr").first()).toHaveAttribute(
      "data-candidate",
      "RabbitMQ",
    );
    const demo = await readResults(viewer);
    expect(demo).toEqual(rebuilt);
    await context.close();
  });

  await architect.context().close();
  await lead.context().close();
});
