/**
 * People who declared on arrival (F21) to stay in the unit: the list of one arrival day, with where
 * they came from, how, where they stay and their colour. Defaults to the last day of the range.
 */
import { useEffect, useState } from 'react';
import { arrivalsApi, MAX_ARRIVALS_LISTED } from '../../../shared/api/arrivals.js';
import { COLOUR_SIGN } from '../../../shared/colour-signs.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { countryName, formatDateTime } from '../../i18n/index.js';
import { DayInput } from '../../components/DayInput.js';

export function ArrivalsPanel({ unit, lastDay }: { unit: string; lastDay: string }) {
  const { t, lang } = useT();
  const [day, setDay] = useState(lastDay);
  useEffect(() => setDay(lastDay), [lastDay]);
  const list = useRequest(
    () => call(arrivalsApi.list, { query: { adminUnit: unit, date: day } }),
    [unit, day],
  );
  const items = list.data?.items ?? [];
  return (
    <section className="card" id="arrivals">
      <h2>{t.dash_arrivals_title}</h2>
      <label className="inline">
        {t.dash_arrivals_day} <DayInput id="arrivals-day" value={day} onChange={setDay} />
      </label>
      <ErrorAlert message={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t.dash_arrivals_none}</p>}
      {list.data && list.data.total > items.length && (
        <p className="muted small">
          {t.dash_arrivals_more
            .replace('{n}', String(MAX_ARRIVALS_LISTED))
            .replace('{total}', String(list.data.total))}
        </p>
      )}
      {items.length > 0 && (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th>{t.col_name}</th>
                <th>{t.col_phone}</th>
                <th>{t.col_from}</th>
                <th>{t.col_transport}</th>
                <th>{t.col_stay}</th>
                <th>{t.col_colour}</th>
                <th>{t.col_declared_at}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.declarationId}>
                  <td>{a.fullName}</td>
                  <td>{a.phone}</td>
                  <td>{a.fromCountry ? countryName(a.fromCountry, lang) : a.fromProvinceName}</td>
                  <td>{a.transport ?? '—'}</td>
                  <td>
                    {a.stayAddress}, {a.stayAdminUnitName}
                  </td>
                  <td className={`colour-cell ${a.statusColour}`}>
                    {COLOUR_SIGN[a.statusColour]} {t[`colour_${a.statusColour}`]}
                  </td>
                  <td>{formatDateTime(a.declaredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
