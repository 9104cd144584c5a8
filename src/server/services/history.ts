/**
 * A device's own check-in history (F13): the device proves each check-in with the checkout token it
 * received, and gets back those check-ins and the notices left on them. No phone number, card or URL
 * opens anyone's history.
 */
import { historyOf } from '../db/queries/notices.js';
import { verifyCheckoutToken } from '../domain/signed-code.js';
import type { RunningConfig } from '../config.js';
import type { ServiceContext } from './context.js';

export async function deviceHistory(
  ctx: ServiceContext,
  items: readonly { id: string; checkoutToken: string }[],
) {
  const proven = items
    .filter((i) => ctx.keys.checkout_token.all.some((key) => verifyCheckoutToken(i.id, i.checkoutToken, key)))
    .map((i) => i.id);
  if (!proven.length) return [];
  return (await historyOf(ctx.db, proven)).map(({ provinceCode, ...entry }) => ({
    ...entry,
    hotline: hotlineOf(ctx.config, provinceCode),
  }));
}

/** Whom people with a notice about a venue call: its province's hotline, else the national one. */
export function hotlineOf(config: RunningConfig, provinceCode: string | null | undefined): string {
  return (provinceCode && config.hotlines.byProvince[provinceCode]) || config.hotlines.national;
}
