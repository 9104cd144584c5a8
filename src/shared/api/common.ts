/** Pieces every resource's contract uses: path ids, timestamps, the error body. */
import { z } from 'zod';
import { decimalInt, LocalDate } from '../contracts.js';

/** A numeric record id in a path: plain decimal digits only (`0x10`, `1e1`, ` 1` name nothing: 404). */
export const IdParam = z.object({ id: decimalInt(1, Number.MAX_SAFE_INTEGER) });
export const UuidParam = z.object({ id: z.uuid() });

/** ISO-8601 instant with offset, as every timestamp the API answers. */
export const Instant = z.string().describe('ISO-8601 timestamp');

/** `from`–`to` inclusive local days of a query (both optional). */
export const DayRange = { from: LocalDate.optional(), to: LocalDate.optional() };

/** A person as lists show them. */
export const NamedPerson = z.object({ fullName: z.string(), phone: z.string() });

/** `{ items: [...] }`, the shape of every list answer. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Every error answer (4xx and 5xx). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(
      z.object({
        path: z.string().optional(),
        code: z.string(),
        message: z.string().optional(),
        /** 409 subject_ambiguous: one of the people the phone or ID number belongs to. */
        fullName: z.string().optional(),
        birthYear: z.number().nullable().optional(),
      }),
    ),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** People inside a venue now (stays begun and not ended) against its capacity (F17; null: none set). */
export const Occupancy = z.object({
  inside: z.number().int().min(0),
  capacity: z.number().int().nullable(),
});
export type Occupancy = z.infer<typeof Occupancy>;
