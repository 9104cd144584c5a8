/**
 * Personal QR cards (F6). The QR holds a URL with a signed card code and nothing personal. Staff
 * scan it to record an entry; it is never a key to the holder's history. The device that received
 * the card holds a token to print, revoke or reissue it.
 */
import { shownColour } from '../../shared/contracts.js';
import * as cards from '../db/queries/cards.js';
import type { Queryable } from '../db/db.js';
import {
  newPublicId,
  publicIdFromCardNumber,
  signCardCode,
  tokenFor,
  verifyCardCode,
  verifyToken,
} from '../domain/signed-code.js';
import { AppError } from '../errors.js';
import { uuidv7 } from '../ids.js';
import { cardsPdf } from '../documents/personal-card.js';
import { testPrintMark } from './posters.js';
import { currentColour, tracedContactColour, type StatusRules } from '../domain/status.js';
import { lastTracedAt } from '../db/queries/traced-contacts.js';
import { rulesFor } from './status-rules.js';
import type { ServiceContext } from './context.js';

export const CARD_PATH = '/card/';

export function cardQrContent(ctx: ServiceContext, publicId: string): string {
  return `${ctx.config.publicUrl}${CARD_PATH}${signCardCode(publicId, ctx.keys.card_code.current)}`;
}

/** "K7M2 QX9P AB": the public id, grouped for reading out over the phone. */
export function cardNumber(publicId: string): string {
  return publicId.replace(/(.{4})(.{4})(.{2})/, '$1 $2 $3');
}

export function presentCard(
  ctx: ServiceContext,
  card: Pick<cards.CardRow, 'id' | 'publicId' | 'fullName' | 'status'>,
) {
  return {
    id: card.id,
    qr: cardQrContent(ctx, card.publicId),
    number: cardNumber(card.publicId),
    fullName: card.fullName,
    status: card.status,
    holderToken: tokenFor('card_holder', card.id, ctx.keys.card_holder_token.current),
  };
}

/** The public id in a scanned card QR (the URL or the bare code a wedge scanner types); null if forged. */
export function cardPublicIdFromQr(ctx: ServiceContext, qr: string): string | null {
  const code = qr.includes(CARD_PATH) ? qr.slice(qr.lastIndexOf(CARD_PATH) + CARD_PATH.length) : qr;
  // The signed code of the QR, or the number printed on the card typed by staff at the door (the card
  // in hand is what proves it; the number alone is 50 random bits).
  return verifyCardCode(code.split(/[?#]/)[0]!, ctx.keys.card_code.all) ?? publicIdFromCardNumber(qr);
}

/** A card found for a scan must exist and not be revoked. */
export function usableCard<T extends { status: 'active' | 'revoked' }>(card: T | null): T {
  if (!card) throw new AppError('card_not_found');
  if (card.status === 'revoked') throw new AppError('card_revoked');
  return card;
}

/** The person's active card, linked to their newest declaration; issued when they have none. */
export async function issueOrLinkCard(
  q: Queryable,
  person: {
    phone: string;
    fullName: string;
    nameKey: string;
    birthYear: number | null;
    idNumber: string | null;
    idHash: Buffer | null;
  },
  declarationId: string,
  now: Date,
) {
  const existing = await cards.findActiveCardOf(q, person.phone, person.nameKey);
  if (existing) {
    await cards.linkLatestDeclaration(q, existing.id, declarationId);
    return { ...existing, newlyIssued: false };
  }
  const card = {
    id: uuidv7(now.getTime()),
    publicId: newPublicId(),
    ...person,
    declarationId,
    issuedAt: now,
  };
  await cards.insertCard(q, card);
  return { ...card, status: 'active' as const, newlyIssued: true };
}

async function holderCard(ctx: ServiceContext, id: string, token: string) {
  const card = await cards.findCard(ctx.db, id);
  if (!card) throw new AppError('card_not_found');
  if (!ctx.keys.card_holder_token.all.some((key) => verifyToken('card_holder', id, token, key)))
    throw new AppError('invalid_holder_token');
  return card;
}

export async function cardForHolder(ctx: ServiceContext, id: string, token: string) {
  const card = await holderCard(ctx, id, token);
  // Found as F1 by a tracing look-up with notify: the card shows the tracing rule's colour too.
  const tracedAt = await lastTracedAt(ctx.db, card.phone, card.nameKey);
  const statusColour = tracedAt
    ? tracedContactColour(card.statusColour, await rulesFor(ctx.db, null), ctx.now(), tracedAt)
    : card.statusColour;
  return {
    ...presentCard(ctx, card),
    statusColour,
    flagged: card.flagged,
    declaredAt: card.declaredAt,
  };
}

/** Revokes the card and issues a new one for the same person (a lost or photographed card). */
export async function reissueCard(ctx: ServiceContext, id: string, token: string) {
  const old = await holderCard(ctx, id, token);
  if (old.status === 'revoked') throw new AppError('card_revoked');
  const now = ctx.now();
  const fresh = { id: uuidv7(now.getTime()), publicId: newPublicId() };
  await ctx.db.tx(async (q) => {
    await cards.revokeCard(q, old.id, now, fresh.id);
    await cards.insertCard(q, {
      ...fresh,
      phone: old.phone,
      fullName: old.fullName,
      nameKey: old.nameKey,
      birthYear: old.birthYear,
      idNumber: null,
      idHash: null,
      declarationId: old.declarationId,
      issuedAt: now,
    });
  });
  return presentCard(ctx, { ...fresh, fullName: old.fullName, status: 'active' });
}

export async function revokeCard(ctx: ServiceContext, id: string, token: string) {
  const card = await holderCard(ctx, id, token);
  await cards.revokeCard(ctx.db, card.id, ctx.now(), null);
  return { id: card.id, status: 'revoked' as const };
}

/** Cards at ID-card size, four to an A4 sheet: one person's, or a family's printed together. */
export async function printableCards(ctx: ServiceContext, held: readonly { id: string; token: string }[]) {
  const printed = [];
  for (const { id, token } of held) {
    const card = await holderCard(ctx, id, token);
    if (card.status === 'revoked') throw new AppError('card_revoked');
    printed.push({
      fullName: card.fullName,
      number: cardNumber(card.publicId),
      qr: cardQrContent(ctx, card.publicId),
      birthYear: card.birthYear,
    });
  }
  return cardsPdf(printed, testPrintMark(ctx));
}

/** Staff look a person up by phone at their venue (no card at hand): names and colours only. */
export async function peopleByPhone(ctx: ServiceContext, phone: string, rules: StatusRules) {
  const found = await cards.findActiveCardsByPhone(ctx.db, phone);
  const now = ctx.now();
  return found.map((c) => ({
    fullName: c.fullName,
    phone: c.phone,
    cardNumber: cardNumber(c.publicId),
    statusColour: shownColour(
      currentColour(
        c.declarationId ? { declaredAt: c.declaredAt!, statusColour: c.statusColour! } : null,
        rules,
        now,
      ),
    ),
    flagged: c.flagged ?? false,
  }));
}
