/**
 * The domestic health declaration (F5) for the device owner or a family member (khai hộ, F8). The
 * answer issues or updates the person's QR card, which is kept on this device.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, formErrors, newClientId } from '../../api/client.js';
import { useT } from '../../app/lang.js';
import { navigate } from '../../app/router.js';
import { AdminUnitPicker } from '../../components/AdminUnitPicker.js';
import { Field } from '../../components/Field.js';
import { YesNo } from '../../components/YesNo.js';
import { loadPeople, savePerson, type DeviceCard } from '../../device/store.js';
import type { Messages } from '../../i18n/index.js';
import { normalizePhone } from '../../../shared/phone.js';
import { ProvinceChecklist } from './ProvinceChecklist.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

const SYMPTOMS = ['fever', 'cough', 'breathlessness', 'pneumonia', 'soreThroat', 'fatigue'] as const;
const EXPOSURES = ['confirmedCase', 'fromAffectedArea', 'symptomaticPerson'] as const;
const NATIONALITIES = ['VN', 'LA', 'KH', 'CN', 'KR', 'JP', 'TH', 'US', 'FR', 'GB', 'AU'];
const NEW_PERSON = '__new__';

interface Hotspot {
  id: number;
  adminUnitName: string;
  from: string;
  to: string;
}

const allNo = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, false])) as Record<K, boolean>;

export function DeclarePage() {
  const { t } = useT();
  const people = useMemo(loadPeople, []);
  const [who, setWho] = useState(people.find((p) => p.me)?.key ?? 'me');
  const chosen = people.find((p) => p.key === who);
  const [person, setPerson] = useState({
    fullName: chosen?.fullName ?? '',
    phone: chosen?.phone ?? '',
    idNumber: '',
    birthYear: chosen?.birthYear ? String(chosen.birthYear) : '',
    sex: '',
    nationality: 'VN',
    address: '',
  });
  const [unit, setUnit] = useState<string | null>(null);
  const [visited, setVisited] = useState<string[]>([]);
  const [symptoms, setSymptoms] = useState(allNo(SYMPTOMS));
  const [exposure, setExposure] = useState(allNo(EXPOSURES));
  const [hotspots, setHotspots] = useState<Hotspot[]>([]);
  const [hotspotYes, setHotspotYes] = useState<number[]>([]);
  const [vaccine, setVaccine] = useState('');
  const [pledge, setPledge] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [clientId] = useState(newClientId);

  useEffect(() => {
    api<{ items: Hotspot[] }>('GET', '/api/hotspots/active').then(
      (r) => setHotspots(r.items),
      () => setHotspots([]),
    );
  }, []);

  const choose = (key: string) => {
    setWho(key);
    const p = people.find((x) => x.key === key);
    setPerson({
      ...person,
      fullName: p?.fullName ?? '',
      phone: p?.phone ?? (key === NEW_PERSON ? (people.find((x) => x.me)?.phone ?? '') : ''),
      birthYear: p?.birthYear ? String(p.birthYear) : '',
      idNumber: '',
    });
  };
  const set = (key: keyof typeof person) => (e: { target: { value: string } }) =>
    setPerson({ ...person, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!normalizePhone(person.phone)) return setErrors({ 'person.phone': t.phone_invalid });
    setBusy(true);
    setError(null);
    setErrors({});
    const isMe = who === 'me' || chosen?.me === true || (people.length === 0 && who !== NEW_PERSON);
    try {
      const answer = await api<{
        id: string;
        declaredAt: string;
        flagged: boolean;
        statusColour: DeviceCard['statusColour'];
        card: Omit<DeviceCard, 'statusColour' | 'declaredAt'>;
      }>('POST', '/api/declarations', {
        clientId,
        onBehalf: !isMe,
        person: {
          fullName: person.fullName,
          phone: person.phone,
          ...(person.idNumber ? { idNumber: person.idNumber } : {}),
          ...(person.birthYear ? { birthYear: Number(person.birthYear) } : {}),
          ...(person.sex ? { sex: person.sex } : {}),
          nationality: person.nationality,
          ...(unit ? { adminUnitCode: unit } : {}),
          ...(person.address ? { address: person.address } : {}),
        },
        visitedAreas: visited,
        symptoms,
        exposure,
        hotspotVisits: hotspotYes,
        ...(vaccine ? { vaccineDoses: Number(vaccine) } : {}),
        pledge,
      });
      savePerson({
        key: isMe ? 'me' : who === NEW_PERSON ? answer.card.id : who,
        me: isMe,
        fullName: person.fullName.trim(),
        phone: normalizePhone(person.phone)!,
        ...(person.birthYear ? { birthYear: Number(person.birthYear) } : {}),
        card: { ...answer.card, statusColour: answer.statusColour, declaredAt: answer.declaredAt },
      });
      navigate(`/cards${answer.flagged ? '?flagged=1' : ''}`);
    } catch (err) {
      const { message, fields } = formErrors(err);
      setError(message);
      setErrors(fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card declare" onSubmit={submit}>
      <h1>{t.decl_title}</h1>
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
      <div className="grid">
        <Field label={t.ci_full_name} htmlFor="fullName" error={errors['person.fullName']}>
          <input
            id="fullName"
            value={person.fullName}
            onChange={set('fullName')}
            required
            maxLength={200}
            autoComplete="name"
          />
        </Field>
        <Field label={t.ci_phone} htmlFor="phone" error={errors['person.phone']}>
          <input
            id="phone"
            type="tel"
            value={person.phone}
            onChange={set('phone')}
            required
            autoComplete="tel"
          />
        </Field>
        <Field label={t.field_id_number} htmlFor="idNumber" error={errors['person.idNumber']}>
          <input id="idNumber" value={person.idNumber} onChange={set('idNumber')} maxLength={20} />
        </Field>
        <Field label={t.field_birth_year} htmlFor="birthYear" error={errors['person.birthYear']}>
          <input
            id="birthYear"
            type="number"
            min={1900}
            max={2100}
            value={person.birthYear}
            onChange={set('birthYear')}
          />
        </Field>
        <Field label={t.field_sex} htmlFor="sex">
          <select id="sex" value={person.sex} onChange={set('sex')}>
            <option value="">{t.choose}</option>
            <option value="male">{t.sex_male}</option>
            <option value="female">{t.sex_female}</option>
            <option value="other">{t.sex_other}</option>
          </select>
        </Field>
        <Field label={t.field_nationality} htmlFor="nationality">
          <select id="nationality" value={person.nationality} onChange={set('nationality')}>
            {NATIONALITIES.map((c) => (
              <option key={c} value={c}>
                {new Intl.DisplayNames([document.documentElement.lang || 'vi'], { type: 'region' }).of(c)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <h2>{t.decl_address_title}</h2>
      <div className="grid">
        <AdminUnitPicker onChange={setUnit} required={false} />
        <Field label={t.field_address} htmlFor="address">
          <input id="address" value={person.address} onChange={set('address')} maxLength={300} />
        </Field>
      </div>
      <h2>{t.decl_visited}</h2>
      <ProvinceChecklist selected={visited} onChange={setVisited} />
      <h2>{t.decl_symptoms}</h2>
      <Questions keys={SYMPTOMS} prefix="sym_" values={symptoms} onChange={setSymptoms} t={t} />
      <h2>{t.decl_exposure}</h2>
      <Questions keys={EXPOSURES} prefix="exp_" values={exposure} onChange={setExposure} t={t} />
      {hotspots.length > 0 && (
        <>
          <h2>{t.decl_hotspots}</h2>
          {hotspots.map((h) => (
            <YesNo
              key={h.id}
              id={`hotspot-${h.id}`}
              label={t.decl_hotspot_question
                .replace('{place}', h.adminUnitName)
                .replace('{from}', h.from)
                .replace('{to}', h.to)}
              value={hotspotYes.includes(h.id)}
              onChange={(v) =>
                setHotspotYes(v ? [...hotspotYes, h.id] : hotspotYes.filter((x) => x !== h.id))
              }
            />
          ))}
        </>
      )}
      <Field label={t.decl_vaccine} htmlFor="vaccine">
        <select
          id="vaccine"
          value={vaccine}
          onChange={(e) => setVaccine(e.target.value)}
          style={{ maxWidth: 200 }}
        >
          <option value="">{t.choose}</option>
          {[0, 1, 2, 3, 4].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </Field>
      <label className="pledge">
        <input
          id="pledge"
          type="checkbox"
          checked={pledge}
          onChange={(e) => setPledge(e.target.checked)}
          required
        />{' '}
        {t.decl_pledge}
      </label>
      <ErrorAlert message={error} />
      <p>
        <button className="btn" type="submit" disabled={busy || !pledge}>
          {busy ? t.saving : t.decl_submit}
        </button>
      </p>
    </form>
  );
}

function Questions<K extends string>({
  keys,
  prefix,
  values,
  onChange,
  t,
}: {
  keys: readonly K[];
  prefix: string;
  values: Record<K, boolean>;
  onChange(v: Record<K, boolean>): void;
  t: Messages;
}) {
  return (
    <div className="questions">
      {keys.map((k) => (
        <YesNo
          key={k}
          id={`${prefix}${k}`}
          label={String(t[`${prefix}${k}` as keyof Messages])}
          value={values[k]}
          onChange={(v) => onChange({ ...values, [k]: v })}
        />
      ))}
    </div>
  );
}
