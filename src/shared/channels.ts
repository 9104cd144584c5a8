/**
 * How a check-in was recorded: the channel list, named once for the API, the database aggregates,
 * the dashboard, the reports and the exports, with its names in each language.
 */
export const CHANNELS = ['qr_self', 'qr_staff', 'kiosk', 'paper', 'on_behalf'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels a citizen uses from their own phone. */
export const CITIZEN_CHANNELS = ['qr_self', 'on_behalf'] as const;
/** Channels venue staff and kiosks record with. */
export const STAFF_CHANNELS = ['qr_staff', 'kiosk', 'paper'] as const;
/** Every channel but paper: the "electronic" check-ins of the reports (seed 000). */
export const ELECTRONIC_CHANNELS = CHANNELS.filter((c) => c !== 'paper');

const CHANNEL_NAMES: Record<Channel, { vi: string; en: string }> = {
  qr_self: { vi: 'Tự quét mã QR', en: 'Self scan' },
  qr_staff: { vi: 'Nhân viên quét thẻ', en: 'Card scanned by staff' },
  kiosk: { vi: 'Thiết bị tự động', en: 'Kiosk' },
  paper: { vi: 'Khai báo giấy', en: 'Paper' },
  on_behalf: { vi: 'Khai hộ', en: 'On behalf' },
};

/** A channel's name in a language (the code itself for an unknown channel). */
export function channelName(channel: string, lang: 'vi' | 'en'): string {
  return CHANNEL_NAMES[channel as Channel]?.[lang] ?? channel;
}
