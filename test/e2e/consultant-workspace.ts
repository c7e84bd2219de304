import { expect, type Page } from '@playwright/test';

/**
 * The doctor's page keeps its work in tabs under the video (record, patient and chat, trends, ECG
 * viewer), folded below 900 px of height: a test opens the one it types into, as the doctor would.
 */
export async function openWorkspaceTab(
  page: Page,
  tab: 'record' | 'patient' | 'trends' | 'ecg',
): Promise<void> {
  const button = page.getByTestId(`workspace-tab-${tab}`);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.getByTestId(`workspace-panel-${tab}`)).toBeVisible();
}
