/**
 * Seals what versions before sealing stored in clear (ID numbers, declaration answers), in batches,
 * once: the upgrade is recorded in `data_upgrades`, so later starts do not scan the tables again. One
 * node at a time (advisory lock); a node that waited finds it done.
 */
import type { Db, Queryable } from '../db/db.js';
import { LOCKS, lockUntilCommit } from '../db/locks.js';
import * as sealing from '../db/queries/sealing.js';
import type { Sealer } from '../domain/keyring.js';
import { sealedAnswers, sealedIdNumber } from './people.js';

const BATCH = 1000;
const UPGRADE = 'seal_personal_columns';

export async function sealClearRowsOnce(db: Db, sealer: Sealer): Promise<number> {
  return db.tx(async (q) => {
    await lockUntilCommit(q, LOCKS.sealing);
    if (await sealing.isUpgradeDone(q, UPGRADE)) return 0;
    const sealed = (await sealIdNumbers(q, sealer)) + (await sealAnswers(q, sealer));
    await sealing.markUpgradeDone(q, UPGRADE);
    return sealed;
  });
}

async function sealIdNumbers(q: Queryable, sealer: Sealer): Promise<number> {
  let sealed = 0;
  for (const table of ['check_ins', 'declarations', 'cards'] as const) {
    for (;;) {
      const rows = await sealing.clearIdNumbers(q, table, BATCH);
      if (rows.length === 0) break;
      await sealing.writeSealedIdNumbers(
        q,
        table,
        rows.map((r) => ({ id: r.id, ...sealedIdNumber(sealer, r.idNumber) })),
      );
      sealed += rows.length;
    }
  }
  return sealed;
}

async function sealAnswers(q: Queryable, sealer: Sealer): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await sealing.clearDeclarationAnswers(q, BATCH);
    if (rows.length === 0) break;
    await sealing.writeSealedAnswers(
      q,
      rows.map(({ id, ...answers }) => ({ id, sealed: sealedAnswers(sealer, answers) })),
    );
    sealed += rows.length;
  }
  return sealed;
}
