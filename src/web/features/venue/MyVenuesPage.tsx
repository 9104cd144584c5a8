import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { Link } from '../../app/App.js';
import { useT } from '../../app/lang.js';

interface VenueItem {
  id: number;
  name: string;
  address: string;
  status: 'active' | 'suspended';
}

export function MyVenuesPage() {
  const { t } = useT();
  const [items, setItems] = useState<VenueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: VenueItem[] }>('GET', '/api/venues').then(
      (r) => setItems(r.items),
      (e: Error) => setError(e.message),
    );
  }, []);
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
