/**
 * After the move to the 2025 admin units (issue 13): the venues and accounts whose new ward the
 * mapping had to choose, within the official's area. Each is confirmed or moved to one of the wards its
 * old unit went to. Shown only when an upgrade left something to look at.
 */
import { useState } from 'react';
import { referenceApi, type UnitReview } from '../../../shared/api/reference.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { formatDate, type Messages } from '../../i18n/index.js';
import type { Act } from './SilentVenues.js';

export function UnitReviews({ act }: { act: Act }) {
  const { t } = useT();
  const list = useRequest(() => call(referenceApi.unitReviews, { query: { state: 'open' } }), []);
  const items = list.data?.items ?? [];
  const upgrade = list.data?.upgrades[0];
  if (!upgrade) return null;
  const settle = (review: UnitReview, adminUnitCode: string) =>
    act(
      async () => {
        await call(referenceApi.settleUnitReview, { params: { id: review.id }, body: { adminUnitCode } });
        list.reload();
      },
      t.review_done.replace('{name}', review.subjectName),
    );
  return (
    <section className="card scroll">
      <h2>{t.review_title}</h2>
      <p className="muted">
        {t.review_intro
          .replace('{from}', upgrade.fromVersion)
          .replace('{to}', upgrade.toVersion)
          .replace('{at}', formatDate(upgrade.doneAt))}
      </p>
      {items.length === 0 ? (
        <p className="muted">{t.review_none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t.review_subject}</th>
              <th>{t.review_old_unit}</th>
              <th>{t.review_reason}</th>
              <th>{t.review_new_unit}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <ReviewRow key={r.id} review={r} t={t} settle={settle} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReviewRow({
  review,
  t,
  settle,
}: {
  review: UnitReview;
  t: Messages;
  settle(review: UnitReview, code: string): Promise<void>;
}) {
  const [code, setCode] = useState(review.chosen.code);
  const options = review.candidates.some((c) => c.code === review.chosen.code)
    ? review.candidates
    : [review.chosen, ...review.candidates];
  return (
    <tr>
      <td>
        {review.subject === 'venue' ? t.review_venue : t.review_account}:{' '}
        <strong>{review.subjectName}</strong>
      </td>
      <td>{review.old.name}</td>
      <td className="small">{t[`review_reason_${review.reason}`]}</td>
      <td>
        <select
          aria-label={`${t.review_new_unit}: ${review.subjectName}`}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        >
          {options.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button type="button" onClick={() => void settle(review, code)}>
          {code === review.chosen.code ? t.review_confirm : t.review_move}
        </button>
      </td>
    </tr>
  );
}
