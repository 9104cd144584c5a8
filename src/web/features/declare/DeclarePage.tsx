/**
 * The domestic health declaration (F5) for the device owner or a family member (khai hộ, F8). The
 * answer issues or updates the person's QR card, which is kept on this device.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { declarationsApi } from '../../../shared/api/declarations.js';
import { normalizePhone } from '../../../shared/phone.js';
import { call, newClientId } from '../../api/client.js';
import { useRequest, useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { navigate } from '../../app/router.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Field } from '../../components/Field.js';
import { loadPeople, savePerson, type DevicePerson } from '../../device/store.js';
import {
  answered,
  HealthQuestions,
  NOTHING_ANSWERED,
  unansweredQuestions,
  type HealthAnswers,
} from './HealthQuestions.js';
import { PersonFields, type PersonForm } from './PersonFields.js';
import { ArrivalFields, KindChoice, useArrival } from './ArrivalFields.js';

const NEW_PERSON = '__new__';

const personFormOf = (p: DevicePerson | undefined, phone = ''): PersonForm => ({
  fullName: p?.fullName ?? '',
  phone: p?.phone ?? phone,
  idNumber: '',
  birthYear: p?.birthYear ? String(p.birthYear) : '',
  sex: '',
  nationality: 'VN',
  address: '',
});

/** Optional fields are sent only when filled in. */
const filled = <T,>(value: T | '' | undefined) => (value === '' || value === undefined ? undefined : value);

export function DeclarePage() {
  const { t } = useT();
  const people = useMemo(loadPeople, []);
  const [who, setWho] = useState(people.find((p) => p.me)?.key ?? 'me');
  const chosen = people.find((p) => p.key === who);
  const [person, setPerson] = useState(() => personFormOf(chosen));
  const [unit, setUnit] = useState<string | null>(null);
  const [answers, setAnswers] = useState<HealthAnswers>(NOTHING_ANSWERED);
  const hotspots = useRequest(() => call(declarationsApi.activeHotspots), []).data?.items ?? [];
  const [missing, setMissing] = useState<string[]>([]);
  const [pledge, setPledge] = useState(false);
  const [formError, setFormError] = useState<Record<string, string>>({});
  const arrival = useArrival(location.pathname.startsWith('/declare/arrival') ? 'arrival' : 'domestic');
  const [clientId] = useState(newClientId);

  const choose = (key: string) => {
    setWho(key);
    const ownPhone = key === NEW_PERSON ? people.find((x) => x.me)?.phone : undefined;
    setPerson({
      ...personFormOf(
        people.find((x) => x.key === key),
        ownPhone,
      ),
      sex: person.sex,
      nationality: person.nationality,
      address: person.address,
    });
  };

  const declaration = useSubmit(async () => {
    const isMe = who === 'me' || chosen?.me === true || (people.length === 0 && who !== NEW_PERSON);
    const answer = await call(declarationsApi.submit, {
      body: {
        clientId,
        onBehalf: !isMe,
        kind: arrival.kind,
        arrival: arrival.facts(),
        person: {
          fullName: person.fullName,
          phone: person.phone,
          idNumber: filled(person.idNumber),
          birthYear: person.birthYear ? Number(person.birthYear) : undefined,
          sex: filled(person.sex),
          nationality: person.nationality,
          adminUnitCode: unit ?? undefined,
          address: filled(person.address),
        },
        visitedAreas: answers.visited,
        ...answered(answers),
        vaccineDoses: answers.vaccineDoses ? Number(answers.vaccineDoses) : undefined,
        pledge: true,
      },
    });
    savePerson({
      key: isMe ? 'me' : who === NEW_PERSON ? answer.card.id : who,
      me: isMe,
      fullName: person.fullName.trim(),
      phone: normalizePhone(person.phone)!,
      ...(person.birthYear ? { birthYear: Number(person.birthYear) } : {}),
      card: {
        id: answer.card.id,
        qr: answer.card.qr,
        number: answer.card.number,
        holderToken: answer.card.holderToken,
        statusColour: answer.statusColour,
        declaredAt: answer.declaredAt,
      },
    });
    navigate(`/cards${answer.flagged ? '?flagged=1' : ''}`);
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const phoneOk = Boolean(normalizePhone(person.phone));
    const stayOk = arrival.kind !== 'arrival' || arrival.stayUnit !== null;
    setFormError({
      ...(phoneOk ? {} : { 'person.phone': t.phone_invalid }),
      ...(stayOk ? {} : { 'arrival.stayAdminUnitCode': t.arr_stay_missing }),
    });
    const unanswered = unansweredQuestions(answers, hotspots);
    setMissing(unanswered);
    // Take the person back to what is missing rather than fail silently: the phone at the top of a
    // long form, the ward of stay, or the first question left unanswered.
    if (!phoneOk) document.getElementById('phone')?.focus();
    else if (!stayOk) document.getElementById('stay-province')?.focus();
    else if (unanswered.length)
      document.getElementById(unanswered[0]!)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    else void declaration.run();
  };
  const errors = Object.keys(formError).length ? formError : declaration.fields;

  return (
    <form className="card declare" onSubmit={submit}>
      <h1>{t.decl_title}</h1>
      <KindChoice kind={arrival.kind} onChange={arrival.setKind} />
      {people.length > 0 && (
        <Field label={t.decl_for} htmlFor="who">
          <select id="who" value={who} onChange={(e) => choose(e.target.value)}>
            {people.map((p) => (
              <option key={p.key} value={p.key}>
                {p.me ? `${t.decl_for_me} (${p.fullName})` : p.fullName}
              </option>
            ))}
            {!people.some((p) => p.me) && <option value="me">{t.decl_for_me}</option>}
            <option value={NEW_PERSON}>{t.decl_for_new}</option>
          </select>
        </Field>
      )}
      <PersonFields
        value={person}
        onChange={setPerson}
        onUnit={setUnit}
        errors={errors}
        unitRequired={arrival.kind === 'domestic'}
      />
      {arrival.kind === 'arrival' && <ArrivalFields arrival={arrival} errors={errors} />}
      <HealthQuestions
        value={answers}
        onChange={(next) => {
          setAnswers(next);
          if (missing.length) setMissing(unansweredQuestions(next, hotspots));
        }}
        hotspots={hotspots}
        missing={missing}
      />
      <Submit
        pledge={pledge}
        onPledge={setPledge}
        unanswered={missing.length}
        error={declaration.error}
        busy={declaration.busy}
      />
    </form>
  );
}

/** The pledge, what is still missing, and the send button. */
function Submit(props: {
  pledge: boolean;
  onPledge(checked: boolean): void;
  unanswered: number;
  error: string | null;
  busy: boolean;
}) {
  const { t } = useT();
  return (
    <>
      <label className="pledge">
        <input
          id="pledge"
          type="checkbox"
          checked={props.pledge}
          onChange={(e) => props.onPledge(e.target.checked)}
          required
        />{' '}
        {t.decl_pledge}
      </label>
      {props.unanswered > 0 && (
        <div className="error" role="alert" id="unanswered">
          {t.decl_unanswered.replace('{n}', String(props.unanswered))}
        </div>
      )}
      <ErrorAlert message={props.error} />
      <p>
        <button className="btn" type="submit" disabled={props.busy || !props.pledge}>
          {props.busy ? t.saving : t.decl_submit}
        </button>
      </p>
    </>
  );
}
