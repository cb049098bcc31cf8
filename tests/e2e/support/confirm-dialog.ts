// Answers the console's confirmation dialog (components/confirm-dialog.tsx) the way a user does.
import { expect, type Locator, type Page } from '@playwright/test';

/** The open confirmation dialog; `mentions` is text it must show (what will happen, to what). */
export async function openConfirmDialog(page: Page, mentions?: string | RegExp): Promise<Locator> {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (mentions) await expect(dialog).toContainText(mentions);
  return dialog;
}

/** Confirms with the button named `confirmLabel`, typing `typed` first when the action asks for it. */
export async function confirmDialog(
  page: Page,
  confirmLabel: string | RegExp,
  opts: { mentions?: string | RegExp; typed?: string } = {},
): Promise<void> {
  const dialog = await openConfirmDialog(page, opts.mentions);
  const confirm = dialog.getByRole('button', { name: confirmLabel, exact: typeof confirmLabel === 'string' });
  if (opts.typed !== undefined) {
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/to confirm/).fill(opts.typed);
  }
  await confirm.click();
  await expect(dialog).toBeHidden();
}

/** Cancels with Escape, as a user changing their mind does. */
export async function cancelDialogWithEscape(page: Page): Promise<void> {
  const dialog = await openConfirmDialog(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}
