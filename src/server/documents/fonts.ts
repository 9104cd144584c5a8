import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Be Vietnam Pro (OFL-1.1, from the npm package @expo-google-fonts/be-vietnam-pro): full Vietnamese diacritics. */
const fontDir = dirname(
  createRequire(import.meta.url).resolve('@expo-google-fonts/be-vietnam-pro/package.json'),
);

export const FONT_REGULAR = join(fontDir, '400Regular/BeVietnamPro_400Regular.ttf');
export const FONT_BOLD = join(fontDir, '700Bold/BeVietnamPro_700Bold.ttf');
