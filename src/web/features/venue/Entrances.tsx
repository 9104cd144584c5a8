/**
 * A venue's entrances (F2, API v1.1): each with its own QR, poster and check-in URL. Its manager and
 * officials over it add, rename, deactivate and reopen them; staff see the codes only.
 */
import { useState, type FormEvent } from 'react';
import { venuesApi, type Entrance } from '../../../shared/api/venues.js';
import { MAX_NAME_LENGTH } from '../../../shared/limits.js';
import { call, urlOf } from '../../api/client.js';
import { useRequest, useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { Messages } from '../../i18n/index.js';

const qrFile = (file: 'posterPdf' | 'qrPng' | 'qrSvg', id: number, entrance: number) =>
  urlOf(venuesApi[file], { params: { id }, query: { entrance } });

export function Entrances({ venueId }: { venueId: number }) {
  const { t } = useT();
  const { user } = useSession();
  const manages = user?.role === 'venue_manager' || user?.role === 'official' || user?.role === 'admin';
  const list = useRequest(() => call(venuesApi.entrances, { params: { id: venueId } }), [venueId]);
  const [name, setName] = useState('');
  const change = useSubmit(async (run: () => Promise<unknown>) => {
    await run();
    list.reload();
  });
  const add = (e: FormEvent) => {
    e.preventDefault();
    void change
      .run(() => call(venuesApi.addEntrance, { params: { id: venueId }, body: { name } }))
      .then(() => setName(''));
  };
  const update = (entrance: Entrance, body: { name?: string; active?: boolean }) =>
    void change.run(() =>
      call(venuesApi.updateEntrance, { params: { id: venueId, entranceId: entrance.id }, body }),
    );
  return (
    <section className="card" id="entrances">
      <h2>{t.venue_qr}</h2>
      <ErrorAlert message={change.error ?? list.error} />
      {!list.data && !list.error && <p className="muted">{t.loading}</p>}
      {list.data?.items.map((e) => (
        <EntranceRow key={e.id} venueId={venueId} entrance={e} t={t} manages={manages} update={update} />
      ))}
      {manages && (
        <form className="row" onSubmit={add}>
          <label className="inline">
            {t.entrance_new}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={MAX_NAME_LENGTH}
            />
          </label>
          <button className="btn secondary" type="submit" disabled={change.busy}>
            {t.entrance_add}
          </button>
        </form>
      )}
    </section>
  );
}

function EntranceRow({
  venueId: id,
  entrance: e,
  t,
  manages,
  update,
}: {
  venueId: number;
  entrance: Entrance;
  t: Messages;
  manages: boolean;
  update(e: Entrance, body: { name?: string; active?: boolean }): void;
}) {
  const [name, setName] = useState(e.name);
  if (!e.active)
    return (
      <p className="row muted" data-testid="entrance-inactive">
        <span>
          {e.name} — {t.entrance_inactive}
        </span>
        {manages && (
          <button type="button" className="link" onClick={() => update(e, { active: true })}>
            {t.entrance_reopen}
          </button>
        )}
      </p>
    );
  return (
    <div className="row" style={{ alignItems: 'flex-start' }} data-testid="entrance">
      <img className="qr" src={qrFile('qrSvg', id, e.id)} alt={`${t.venue_qr}: ${e.name}`} />
      <div>
        {manages ? (
          <p className="row">
            <input aria-label={t.entrance_name} value={name} onChange={(ev) => setName(ev.target.value)} />
            {name !== e.name && name.trim() && (
              <button type="button" className="link" onClick={() => update(e, { name })}>
                {t.entrance_rename}
              </button>
            )}
          </p>
        ) : (
          <p>
            <strong>{e.name}</strong>
          </p>
        )}
        <p>
          <code>{e.code}</code>
        </p>
        <p className="row">
          <a className="btn" href={qrFile('posterPdf', id, e.id)} download={`ma-qr-${id}-${e.id}.pdf`}>
            {t.download_pdf}
          </a>
          <a className="btn secondary" href={qrFile('qrPng', id, e.id)} download={`ma-qr-${id}-${e.id}.png`}>
            {t.download_png}
          </a>
          <a className="btn secondary" href={qrFile('qrSvg', id, e.id)} download={`ma-qr-${id}-${e.id}.svg`}>
            {t.download_svg}
          </a>
        </p>
        <p className="row">
          <a href={e.checkInUrl} target="_blank" rel="noreferrer">
            {t.open_checkin_page}
          </a>
          {manages && (
            <button type="button" className="link" onClick={() => update(e, { active: false })}>
              {t.entrance_close}
            </button>
          )}
        </p>
      </div>
    </div>
  );
}
