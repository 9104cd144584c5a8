/**
 * Many rows read as one text of their plain fields (the door's list): PostgreSQL's JSON of uuids,
 * numbers and booleans costs it more than their text (≈ 0.1 ms of 0.8 for 200 entries), and one
 * `split` in the app costs what JSON.parse of the same columns does (≈ 50 µs). Only for values that
 * cannot hold a comma (ids, numbers, booleans, codes); what people typed goes as a JSON array. (Tried
 * on tracing's 340 contacts too: no difference there, kept as JSON.)
 */

/** SQL aggregate: each row's `fields` (SQL expressions) as text, null as '', commas between fields and rows. */
export const plainFieldsAgg = (fields: readonly string[]) =>
  `string_agg(concat_ws(',', ${fields.map((field) => `coalesce((${field})::text, '')`).join(', ')}), ',')`;

/** The fields plainFieldsAgg wrote (`rows` rows of `perRow` fields, one after the other). */
export function plainFields(text: string, perRow: number) {
  const fields = text.split(',');
  return { fields, rows: fields.length / perRow };
}

/** A field plainFieldsAgg wrote of a number or null. */
export const numberOrNull = (field: string) => (field === '' ? null : Number(field));
