/** Days and times as people in Vietnam write them: dd/mm/yyyy and 24-hour hh:mm (DayInput.tsx). */

/** "2026-11-20" → "20/11/2026"; anything else → "". */
export function dayText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** "20/11/2026", "20.11.2026", "20-11-2026", "2/3/2026" → ISO; not a real day → null. */
export function parseDay(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "8:30", "08:30", "0830", "8h30" → "08:30"; not a time → null. */
export function parseTime(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[:hH.]?\s*(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
