import { venuesApi } from '../../../shared/api/venues.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { Link } from '../../components/Link.js';
import { useT } from '../../app/lang.js';

export function MyVenuesPage() {
  const { t } = useT();
  const { data, error } = useRequest(() => call(venuesApi.mine), []);
  const items = data?.items;
  if (error) return <div className="error">{error}</div>;
  if (!items) return <p className="muted">{t.loading}</p>;
  return (
    <section className="card">
      <h1>{t.nav_my_venues}</h1>
      {items.length === 0 && <p className="muted">{t.my_venues_empty}</p>}
      <ul>
        {items.map((v) => (
          <li key={v.id}>
            <Link to={`/venues/${v.id}`}>{v.name}</Link> <span className="muted">– {v.address}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
