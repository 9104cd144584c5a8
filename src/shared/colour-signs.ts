/**
 * The sign drawn with each status colour on the screens staff read at the door (never colour alone).
 * Its own module without zod: the light check-in page imports it.
 */
import type { ShownColour } from './contracts.js';

export const COLOUR_SIGN: Record<ShownColour, string> = { green: '✔', grey: '?', yellow: '!', red: '✖' };
