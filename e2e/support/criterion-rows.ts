// The setup tab's criteria list as the specs read it: rows, a row by its saved name, names and shares in list order.
import type { Page } from "@playwright/test";

export const criterionRows = (page: Page) => page.getByTestId("criterion-row");
/** A row by its saved name (the disclosure summary shows the name as last saved, not as being typed). */
export const rowByName = (page: Page, name: string) => criterionRows(page).filter({ hasText: `Details of ${name}` });
export const criterionNames = async (page: Page) =>
  criterionRows(page)
    .getByLabel("Name", { exact: true })
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
export const criterionShares = async (page: Page) =>
  (await criterionRows(page).getByTestId("share").locator(".share-value").allInnerTexts()).map((s) => s.trim());
