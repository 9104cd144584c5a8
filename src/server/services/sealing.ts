/**
 * Seals what older versions stored in clear (ID numbers, declaration answers), in batches, at start.
 * Running it again finds nothing to do.
 */
import type { Db } from '../db/db.js';
import * as sealing from '../db/queries/sealing.js';
import { idNumberKey, type Sealer } from '../domain/keyring.js';

const BATCH = 1000;

export async function sealClearRows(db: Db, sealer: Sealer): Promise<number> {
  let sealed = 0;
  for (const table of ['check_ins', 'declarations', 'cards'] as const) {
    for (;;) {
      const rows = await sealing.clearIdNumbers(db, table, BATCH);
      if (rows.length === 0) break;
      await sealing.writeSealedIdNumbers(
        db,
        table,
        rows.map((r) => {
          const id = idNumberKey(r.idNumber);
          return { id: r.id, sealed: sealer.seal(id), hash: sealer.lookupHash(id) };
        }),
      );
      sealed += rows.length;
    }
  }
  for (;;) {
    const rows = await sealing.clearDeclarationAnswers(db, BATCH);
    if (rows.length === 0) break;
    await sealing.writeSealedAnswers(
      db,
      rows.map(({ id, ...answers }) => ({ id, sealed: sealer.seal(JSON.stringify(answers)) })),
    );
    sealed += rows.length;
  }
  return sealed;
}
