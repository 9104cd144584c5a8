/** A person as stored beside check-ins, declarations and cards. */
import type { NewCheckIn } from '../db/queries/check-ins.js';
import { personNameKey } from '../domain/stay.js';
import type { Person } from '../../shared/contracts.js';

export function personColumns(person: Person): NewCheckIn['person'] {
  return {
    phone: person.phone,
    fullName: person.fullName,
    nameKey: personNameKey(person.fullName),
    idNumber: person.idNumber ?? null,
    birthYear: person.birthYear ?? null,
    sex: person.sex ?? null,
    nationality: person.nationality ?? null,
    adminUnitCode: person.adminUnitCode ?? null,
    address: person.address ?? null,
  };
}
