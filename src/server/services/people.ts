/**
 * A person and their health answers as stored beside check-ins, declarations and cards: the ID number
 * sealed with a key that is not in the database, with a keyed hash to find it again (tracing by ID
 * number), and a declaration's answers sealed as one value.
 */
import type { NewCheckIn } from '../db/queries/record-check-ins.js';
import { idNumberKey, type Sealer } from '../domain/keyring.js';
import { personNameKey } from '../domain/stay.js';
import type { Person } from '../../shared/contracts.js';

/** An ID number as stored: sealed, and the keyed hash that finds it (case and spaces ignored). */
export function sealedIdNumber(sealer: Sealer, idNumber: string): { sealed: string; hash: Buffer } {
  const key = idNumberKey(idNumber);
  return { sealed: sealer.seal(key), hash: sealer.lookupHash(key) };
}

/** The answers sealed together (rows of older versions carry them as stored JSON, hence unknown). */
export interface HealthAnswers {
  visitedAreas: string[];
  symptoms: unknown;
  exposure: unknown;
  vaccineDoses: number | null;
}

/** A declaration's health answers as stored: one sealed value. */
export function sealedAnswers(sealer: Sealer, answers: HealthAnswers): string {
  const { visitedAreas, symptoms, exposure, vaccineDoses } = answers;
  return sealer.seal(JSON.stringify({ visitedAreas, symptoms, exposure, vaccineDoses }));
}

/**
 * The key that tells people apart within one phone number. Someone checked in by their chip ID card
 * has no phone (''): their key carries a prefix of their ID's keyed hash, so two people of the same
 * name without phones stay two people (stays, counts, look-ups).
 */
export function nameKeyOf(fullName: string, phone: string, idHash: Buffer | null): string {
  const key = personNameKey(fullName);
  return phone === '' && idHash ? `${key}#${idHash.subarray(0, 8).toString('hex')}` : key;
}

export function personColumns(person: Person, sealer: Sealer): NewCheckIn['person'] {
  const id = person.idNumber ? sealedIdNumber(sealer, person.idNumber) : null;
  return {
    phone: person.phone,
    fullName: person.fullName,
    nameKey: nameKeyOf(person.fullName, person.phone, id?.hash ?? null),
    idNumber: id?.sealed ?? null,
    idHash: id?.hash ?? null,
    birthYear: person.birthYear ?? null,
    sex: person.sex ?? null,
    nationality: person.nationality ?? null,
    adminUnitCode: person.adminUnitCode ?? null,
    address: person.address ?? null,
  };
}
