/** Province → district → commune pickers fed by GET /api/admin-units. Reports the lowest unit chosen. */
import { useEffect, useState } from 'react';
import { referenceApi, type AdminUnit } from '../../shared/api/reference.js';
import { call } from '../api/client.js';
import { useT } from '../app/lang.js';
import { Field } from './Field.js';

function useChildren(parent: string | null, enabled: boolean) {
  const [units, setUnits] = useState<AdminUnit[]>([]);
  useEffect(() => {
    if (!enabled) return setUnits([]);
    let live = true;
    call(referenceApi.adminUnits, { query: { parent: parent ?? undefined } })
      .then((res) => live && setUnits(res.items))
      .catch(() => live && setUnits([]));
    return () => {
      live = false;
    };
  }, [parent, enabled]);
  return units;
}

/** `anyLevel`: report the deepest unit chosen at any level (account scopes), not only a commune. */
export function AdminUnitPicker({
  onChange,
  error,
  required = true,
  anyLevel = false,
}: {
  onChange(code: string | null): void;
  error?: string;
  required?: boolean;
  anyLevel?: boolean;
}) {
  const { t } = useT();
  const [province, setProvince] = useState('');
  const [district, setDistrict] = useState('');
  const [commune, setCommune] = useState('');
  const provinces = useChildren(null, true);
  const districts = useChildren(province || null, Boolean(province));
  const communes = useChildren(district || null, Boolean(district));

  const select = (
    id: string,
    label: string,
    value: string,
    units: AdminUnit[],
    set: (v: string) => void,
    err?: string,
  ) => (
    <Field label={label} htmlFor={id} error={err}>
      <select
        id={id}
        value={value}
        onChange={(e) => set(e.target.value)}
        disabled={units.length === 0}
        required={required}
      >
        <option value="">{t.choose}</option>
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <>
      {select('province', t.field_province, province, provinces, (v) => {
        setProvince(v);
        setDistrict('');
        setCommune('');
        onChange(anyLevel ? v || null : null);
      })}
      {select('district', t.field_district, district, districts, (v) => {
        setDistrict(v);
        setCommune('');
        onChange(anyLevel ? v || province || null : null);
      })}
      {select(
        'commune',
        t.field_commune,
        commune,
        communes,
        (v) => {
          setCommune(v);
          onChange(v || (anyLevel ? district || null : null));
        },
        error,
      )}
    </>
  );
}
