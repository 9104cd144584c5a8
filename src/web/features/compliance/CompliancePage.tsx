/**
 * Compliance (F10): venues that stopped scanning, units below the target share of scanning venues,
 * registration deadlines; remind managers (venue page + SMS) and suspend or reinstate a venue.
 */
import { useState } from 'react';
import {
  complianceApi,
  DEFAULT_ACTIVE_SHARE_TARGET,
  DEFAULT_SILENT_DAYS,
  MAX_SILENT_DAYS,
} from '../../../shared/api/compliance.js';
import { call, errorText } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { percent } from '../dashboard/dates.js';
import { UnitShareHeaders } from '../dashboard/UnitTables.js';
import { Deadlines } from './Deadlines.js';
import { ImportVenues } from './ImportVenues.js';
import { SilentVenues, type Act } from './SilentVenues.js';
import { UnitReviews } from './UnitReviews.js';

export function CompliancePage() {
  const { t } = useT();
  const { user } = useSession();
  const unit = new URLSearchParams(location.search).get('unit') ?? user?.adminUnitCode ?? 'VN';
  const [silentDays, setSilentDays] = useState(DEFAULT_SILENT_DAYS);
  const [target, setTarget] = useState(DEFAULT_ACTIVE_SHARE_TARGET * 100);
  const report = useRequest(
    () =>
      call(complianceApi.report, {
        query: { adminUnit: unit, silentDays: String(silentDays), target: String(target / 100) },
      }),
    [unit, silentDays, target],
  );
  const data = report.data;
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? report.error;
  const [notice, setNotice] = useState<string | null>(null);

  const act: Act = async (fn, done) => {
    setActionError(null);
    try {
      await fn();
      setNotice(done);
      report.reload();
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  return (
    <>
      <section className="card">
        <h1>{t.comp_title}</h1>
        {data && <p className="muted">{data.adminUnit === 'VN' ? t.dash_country : data.adminUnitName}</p>}
        <div className="row">
          <label className="inline">
            {t.comp_silent_days}
            <input
              type="number"
              min={0}
              max={MAX_SILENT_DAYS}
              value={silentDays}
              onChange={(e) =>
                setSilentDays(Math.min(MAX_SILENT_DAYS, Math.max(0, Math.trunc(Number(e.target.value) || 0))))
              }
              style={{ width: 80 }}
              aria-describedby="silent-days-hint"
            />
          </label>
          <span className="muted" id="silent-days-hint">
            {silentDays === 0 ? t.comp_silent_today : t.comp_silent_days_hint}
          </span>
          <label className="inline">
            {t.comp_target}
            <input
              type="number"
              min={0}
              max={100}
              value={target}
              onChange={(e) => setTarget(Math.min(100, Math.max(0, Number(e.target.value) || 0)))}
              style={{ width: 80 }}
            />
          </label>
        </div>
        <ErrorAlert message={error} />
        {notice && (
          <div className="ok" role="status">
            {notice}
          </div>
        )}
      </section>
      {data && (
        <>
          <SilentVenues data={data} act={act} />
          <section className="card scroll">
            <h2>{t.comp_units_below}</h2>
            {data.unitsBelowTarget.length === 0 ? (
              <p className="muted">{t.comp_none_below}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <UnitShareHeaders />
                  </tr>
                </thead>
                <tbody>
                  {data.unitsBelowTarget.map((u) => (
                    <tr key={u.code}>
                      <td>
                        <a href={`/compliance?unit=${u.code}`}>{u.name}</a>
                      </td>
                      <td className="num">{u.registered}</td>
                      <td className="num">{u.active}</td>
                      <td className="num">{percent(u.activeShare)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <UnitReviews act={act} />
          <Deadlines data={data} unit={unit} act={act} />
          <ImportVenues />
        </>
      )}
    </>
  );
}
