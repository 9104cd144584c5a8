/** Downloads of a venue's QR: A4 PDF poster, PNG and SVG, one per entrance (main entrance by default). */
import { qrPng, qrSvg } from '../documents/qr.js';
import { venuePosterPdf } from '../documents/venue-poster.js';
import { isTestAddress, TEST_PRINT_MARK } from '../domain/public-url.js';
import type { Actor } from '../domain/access.js';
import { AppError } from '../errors.js';
import type { ServiceContext } from './context.js';
import { hotlineOf } from './history.js';
import { getVenue } from './venues.js';

export type QrFormat = 'pdf' | 'png' | 'svg';

export async function venueQrDocument(
  ctx: ServiceContext,
  actor: Actor | null,
  venueId: number,
  format: QrFormat,
  entranceId?: number,
): Promise<{ body: Buffer | string; contentType: string; filename: string }> {
  // Posters are printed by the venue's manager or officials over it, not by door staff.
  const venue = await getVenue(ctx, actor, venueId, 'manage');
  // No poster for an inactive entrance: its QR checks nobody in.
  const active = venue.entrances.filter((e) => e.active);
  const entrance = entranceId === undefined ? active[0] : active.find((e) => e.id === entranceId);
  if (!entrance) throw new AppError('not_found');
  const base = `qr-${venue.id}-${entrance.id}`;
  switch (format) {
    case 'pdf':
      return {
        body: await venuePosterPdf({
          venueName: venue.name,
          address: venue.address,
          placeName: venue.adminUnitName,
          entranceName: entrance.name,
          checkInUrl: entrance.checkInUrl,
          code: entrance.code,
          hotline: hotlineOf(ctx.config, venue.adminUnitPath[0]),
          testMark: testPrintMark(ctx),
        }),
        contentType: 'application/pdf',
        filename: `${base}.pdf`,
      };
    case 'png':
      return { body: await qrPng(entrance.checkInUrl), contentType: 'image/png', filename: `${base}.png` };
    case 'svg':
      return {
        body: await qrSvg(entrance.checkInUrl),
        contentType: 'image/svg+xml',
        filename: `${base}.svg`,
      };
  }
}

/** The mark of documents printed while PUBLIC_URL is an address phones cannot open; none otherwise. */
export function testPrintMark(ctx: ServiceContext): string | undefined {
  return isTestAddress(ctx.config.publicUrl) ? TEST_PRINT_MARK : undefined;
}
