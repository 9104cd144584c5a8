/**
 * Moves an account to where its holder now works (API v1.1 `PATCH /api/users/:id`): an official or
 * tracer to another unit of the caller's area, a venue account to other venues of its manager. A
 * modal with Cancel; the server checks that both the account and the new place are the caller's.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { usersApi, type Account } from '../../../shared/api/users.js';
import { venuesApi } from '../../../shared/api/venues.js';
import { call } from '../../api/client.js';
import { useRequest, useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { AdminUnitPicker } from '../../components/AdminUnitPicker.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

/** Whether the caller can move this account from the page (units for area roles, venues for a manager's staff). */
export function movable(account: Account, callerRole: string | undefined): 'unit' | 'venues' | null {
  if (account.role === 'official' || account.role === 'tracer') return 'unit';
  if (account.role === 'venue_staff' && callerRole === 'venue_manager') return 'venues';
  return null;
}

export function ScopeDialog({
  account,
  kind,
  onMoved,
  onClose,
}: {
  account: Account;
  kind: 'unit' | 'venues';
  onMoved(account: Account): void;
  onClose(): void;
}) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [unit, setUnit] = useState<string | null>(null);
  const [venueIds, setVenueIds] = useState<number[]>(account.venueIds);
  useEffect(() => dialog.current?.showModal(), []);
  const save = useSubmit(async () => {
    const body = kind === 'unit' ? { adminUnitCode: unit! } : { venueIds };
    onMoved(await call(usersApi.update, { params: { id: account.id }, body }));
    onClose();
  });
  const ready = kind === 'unit' ? Boolean(unit) : venueIds.length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) void save.run();
  };
  return (
    <dialog ref={dialog} className="card" onClose={onClose} aria-labelledby="scope-title">
      <form onSubmit={submit}>
        <h2 id="scope-title">
          {kind === 'unit' ? t.acc_move_unit : t.acc_move_venues}: {account.username}
        </h2>
        <p className="muted">
          {t.acc_where}: {account.adminUnitName ?? account.venueNames.join(', ')}
        </p>
        {kind === 'unit' ? (
          <AdminUnitPicker onChange={setUnit} required={false} anyLevel idPrefix="move" />
        ) : (
          <VenueChoice chosen={venueIds} onChange={setVenueIds} />
        )}
        <ErrorAlert message={save.error} />
        <p className="row">
          <button type="button" className="btn secondary" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="btn" disabled={!ready || save.busy}>
            {t.acc_move_save}
          </button>
        </p>
      </form>
    </dialog>
  );
}

/** The manager's own venues as checkboxes. */
function VenueChoice({ chosen, onChange }: { chosen: number[]; onChange(ids: number[]): void }) {
  const venues = useRequest(() => call(venuesApi.mine), []);
  return (
    <fieldset>
      <ErrorAlert message={venues.error} />
      {venues.data?.items.map((v) => (
        <label key={v.id} className="inline" style={{ display: 'block' }}>
          <input
            type="checkbox"
            name="move-venue"
            value={v.id}
            checked={chosen.includes(v.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, v.id] : chosen.filter((id) => id !== v.id))
            }
          />{' '}
          {v.name}
        </label>
      ))}
    </fieldset>
  );
}
