/**
 * A person as stored beside check-ins, declarations and cards: the ID number sealed with a key that
 * is not in the database, with a keyed hash to find it again (tracing by ID number).
 */
import type { NewCheckIn } from '../db/queries/check-ins.js';
import { idNumberKey, type Sealer } from '../domain/keyring.js';
import { personNameKey } from '../domain/stay.js';
import type { Person } from '../../shared/contracts.js';

export function personColumns(person: Person, sealer: Sealer): NewCheckIn['person'] {
  const idNumber = person.idNumber ? idNumberKey(person.idNumber) : null;
  return {
    phone: person.phone,
    fullName: person.fullName,
    nameKey: personNameKey(person.fullName),
    idNumber: idNumber ? sealer.seal(idNumber) : null,
    idHash: idNumber ? sealer.lookupHash(idNumber) : null,
    birthYear: person.birthYear ?? null,
    sex: person.sex ?? null,
    nationality: person.nationality ?? null,
    adminUnitCode: person.adminUnitCode ?? null,
    address: person.address ?? null,
  };
}
