/** Many venues written at once by COPY (no entrance, no account), for tests and benchmarks that need numbers of them. */
import type { Db } from '../../src/server/db/db.js';

export interface BulkVenue {
  name: string;
  category: string;
  /** The venue's unit and its path from the province down. */
  unitPath: readonly string[];
  address: string;
  contactPhone: string;
}

export async function copyVenues(
  db: Db,
  adminUnitsVersion: string,
  venues: Iterable<BulkVenue>,
  createdAt = new Date(),
) {
  await db.copyRows(
    'venues',
    [
      'name',
      'category',
      'admin_unit_version',
      'admin_unit_code',
      'admin_unit_path',
      'address',
      'contact_name',
      'contact_phone',
      'registered_by',
      'created_at',
    ],
    (function* () {
      for (const v of venues)
        yield [
          v.name,
          v.category,
          adminUnitsVersion,
          v.unitPath.at(-1),
          `{${v.unitPath.join(',')}}`,
          v.address,
          'Bench',
          v.contactPhone,
          'self',
          createdAt,
        ];
    })(),
  );
}
