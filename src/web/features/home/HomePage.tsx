import { Link } from '../../components/Link.js';
import { useT } from '../../app/lang.js';

export function HomePage() {
  const { t } = useT();
  return (
    <section className="card hero">
      <h1>{t.home_title}</h1>
      <p>{t.home_lead}</p>
      <div className="row">
        <Link to="/declare" className="btn">
          {t.nav_declare}
        </Link>
        <Link to="/cards" className="btn secondary">
          {t.nav_cards}
        </Link>
        <Link to="/places" className="btn secondary">
          {t.nav_places}
        </Link>
        <Link to="/register" className="btn secondary">
          {t.home_register}
        </Link>
        <Link to="/login" className="btn secondary">
          {t.home_login}
        </Link>
      </div>
    </section>
  );
}
