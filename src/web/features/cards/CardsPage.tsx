/** The personal QR cards kept on this device (F6): shown to staff, printed, reissued; colour (F18). */
import { useEffect, useState } from 'react';
import { declarationsApi, MAX_CARDS_PRINTED } from '../../../shared/api/declarations.js';
import { call, errorText, urlOf } from '../../api/client.js';
import { downloadPost } from '../../api/download.js';
import { Link } from '../../components/Link.js';
import { useT } from '../../app/lang.js';
import { QrSvg } from '../../components/QrSvg.js';
import { loadPeople, savePerson, type DevicePerson } from '../../device/store.js';
import { formatDateTime, type Messages } from '../../i18n/index.js';

export function CardsPage() {
  const { t } = useT();
  const [people, setPeople] = useState(() => loadPeople().filter((p) => p.card));
  const flagged = new URLSearchParams(location.search).has('flagged');

  useEffect(() => {
    // Refresh colours: a newer declaration (or, later, a tracing result) may have changed them.
    for (const person of loadPeople()) {
      if (!person.card) continue;
      call(declarationsApi.card, {
        params: { id: person.card.id },
        query: { token: person.card.holderToken },
      }).then(
        (card) => {
          if (card.statusColour && card.declaredAt)
            savePerson({
              ...person,
              card: { ...person.card!, statusColour: card.statusColour, declaredAt: card.declaredAt },
            });
          setPeople(loadPeople().filter((p) => p.card));
        },
        () => undefined,
      );
    }
  }, []);

  return (
    <>
      {flagged && <div className="error">{t.decl_flagged}</div>}
      <section className="card">
        <h1>{t.cards_title}</h1>
        {people.length === 0 && <p className="muted">{t.cards_empty}</p>}
        <p className="row">
          <Link to="/declare" className="btn">
            {people.length ? t.card_redeclare : t.nav_declare}
          </Link>
          {people.length > 1 && <PrintAllButton people={people} />}
        </p>
      </section>
      {people.map((p) => (
        <PersonCard
          key={p.key}
          person={p}
          t={t}
          onChange={() => setPeople(loadPeople().filter((x) => x.card))}
        />
      ))}
    </>
  );
}

/** A family's cards on one sheet (four per A4, ID-card size, crop marks), opened as a PDF. */
function PrintAllButton({ people }: { people: DevicePerson[] }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cards = people
    .slice(0, MAX_CARDS_PRINTED)
    .map((p) => ({ id: p.card!.id, holderToken: p.card!.holderToken }));
  const print = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadPost(urlOf(declarationsApi.printCards), { cards }, 'the-kiem-soat.pdf');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn secondary" disabled={busy} onClick={() => void print()}>
        {busy ? t.cards_printing : t.cards_print_all(cards.length)}
      </button>
      {error && <span className="error">{error}</span>}
    </>
  );
}

function PersonCard({ person, t, onChange }: { person: DevicePerson; t: Messages; onChange(): void }) {
  const card = person.card!;
  const [error, setError] = useState<string | null>(null);
  const reissue = async () => {
    if (!confirm(t.card_reissue_confirm)) return;
    try {
      const fresh = await call(declarationsApi.reissueCard, {
        params: { id: card.id },
        body: { holderToken: card.holderToken },
      });
      savePerson({
        ...person,
        card: { ...card, id: fresh.id, qr: fresh.qr, number: fresh.number, holderToken: fresh.holderToken },
      });
      onChange();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section className={`card person-card colour-${card.statusColour}`} data-card={card.id}>
      <div className="colour-band">{t[`colour_${card.statusColour}`]}</div>
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <QrSvg text={card.qr} label={`${t.cards_title} ${person.fullName}`} />
        <div>
          <h2 className="card-name">{person.fullName}</h2>
          <p>
            {t.card_number}: <strong className="card-number">{card.number}</strong>
          </p>
          <p className="muted">
            {t.card_declared_at}: {formatDateTime(card.declaredAt)}
          </p>
          <p className="muted">{t.card_show_staff}</p>
          <p className="row">
            <a
              className="btn secondary"
              href={urlOf(declarationsApi.cardPdf, {
                params: { id: card.id },
                query: { token: card.holderToken },
              })}
              target="_blank"
              rel="noreferrer"
            >
              {t.card_print}
            </a>
            <button type="button" className="btn secondary" onClick={() => void reissue()}>
              {t.card_reissue}
            </button>
          </p>
          {error && <div className="error">{error}</div>}
        </div>
      </div>
    </section>
  );
}

export function CardInfoPage() {
  const { t } = useT();
  return (
    <section className="card">
      <h1>{t.card_info_title}</h1>
      <p>{t.card_info_text}</p>
    </section>
  );
}
