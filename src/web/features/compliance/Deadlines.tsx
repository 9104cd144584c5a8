/** Compliance: QR registration deadlines of a unit (seed 002), and who registered on time. */
import { useState, type FormEvent } from 'react';
import { complianceApi, MAX_DEADLINE_NOTE_LENGTH } from '../../../shared/api/compliance.js';
import { VENUE_CATEGORIES } from '../../../shared/venue-categories.js';
import { call } from '../../api/client.js';
import { useT } from '../../app/lang.js';
import { currentLang } from '../../i18n/index.js';
import { categoryName } from './category-name.js';
import type { Act, ComplianceReport } from './SilentVenues.js';
import { DayInput } from '../../components/DayInput.js';

export function Deadlines({ data, unit, act }: { data: ComplianceReport; unit: string; act: Act }) {
  const { t } = useT();
  const [category, setCategory] = useState('');
  const [deadline, setDeadline] = useState('');
  const [note, setNote] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    void act(
      () =>
        call(complianceApi.addDeadline, {
          body: { adminUnitCode: unit, category: category || null, deadline, note: note || undefined },
        }),
      t.comp_add_deadline,
    );
  };
  return (
    <section className="card scroll">
      <h2>{t.comp_deadlines}</h2>
      <table>
        <thead>
          <tr>
            <th>{t.dash_unit}</th>
            <th>{t.field_category}</th>
            <th>{t.dash_to}</th>
            <th className="num">{t.comp_on_time}</th>
            <th className="num">{t.comp_late}</th>
            <th className="num">{t.comp_silent_since}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.deadlines.map((d) => (
            <tr key={d.id}>
              <td>{d.adminUnitName}</td>
              <td>
                {categoryName(d.category, t.comp_all_categories)}
                {d.note && <div className="muted small">{d.note}</div>}
              </td>
              <td>
                {d.deadline.split('-').reverse().join('/')}{' '}
                <span className="badge">{d.passed ? t.comp_passed : t.comp_upcoming}</span>
              </td>
              <td className="num">{d.registeredOnTime}</td>
              <td className="num">{d.registeredLate}</td>
              <td className="num">{d.silentSinceDeadline}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    void act(() => call(complianceApi.removeDeadline, { params: { id: d.id } }), '✓')
                  }
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unit !== 'VN' && (
        <form className="row" onSubmit={add} style={{ marginTop: 12 }}>
          <select
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            style={{ width: 'auto' }}
            aria-label={t.field_category}
          >
            <option value="">{t.comp_all_categories}</option>
            {VENUE_CATEGORIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c[currentLang()]}
              </option>
            ))}
          </select>
          <DayInput required value={deadline} onChange={setDeadline} aria-label={t.dash_to} />
          <input
            placeholder={t.comp_note}
            maxLength={MAX_DEADLINE_NOTE_LENGTH}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ width: 220 }}
          />
          <button className="btn secondary" type="submit">
            {t.comp_add_deadline}
          </button>
        </form>
      )}
    </section>
  );
}
