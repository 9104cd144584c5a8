/**
 * Admin-unit pickers fed by GET /api/admin-units, one per level of the list in use: province → ward
 * on the 2025 list, province → district → commune on the 2021 one. Reports the lowest unit chosen.
 */
import { useEffect, useState } from 'react';
import { referenceApi, type AdminUnit } from '../../shared/api/reference.js';
import { call } from '../api/client.js';
import { useT } from '../app/lang.js';
import type { Messages } from '../i18n/index.js';
import { Field } from './Field.js';

interface Level {
  units: AdminUnit[];
  /** Levels of the list in use, as the server said with the units (0 until it answered). */
  levels: number;
}

function useChildren(parent: string | null, enabled: boolean): Level {
  const [answer, setAnswer] = useState<Level>({ units: [], levels: 0 });
  useEffect(() => {
    if (!enabled) return setAnswer({ units: [], levels: 0 });
    let live = true;
    call(referenceApi.adminUnits, { query: { parent: parent ?? undefined } })
      .then((res) => live && setAnswer({ units: res.items, levels: res.levels }))
      .catch(() => live && setAnswer({ units: [], levels: 0 }));
    return () => {
      live = false;
    };
  }, [parent, enabled]);
  return answer;
}

/** Id and label of each level's select: kept stable per list so pages and tests can name them. */
function levelFields(levels: number, t: Messages): { id: string; label: string }[] {
  return levels === 2
    ? [
        { id: 'province', label: t.field_province },
        { id: 'ward', label: t.field_ward },
      ]
    : [
        { id: 'province', label: t.field_province },
        { id: 'district', label: t.field_district },
        { id: 'commune', label: t.field_commune },
      ];
}

/**
 * `anyLevel`: report the deepest unit chosen at any level (account scopes), not only the lowest.
 * `idPrefix`: for a second picker on the same page (the selects' ids become `{prefix}-province`…).
 */
export function AdminUnitPicker({
  onChange,
  error,
  required = true,
  anyLevel = false,
  idPrefix,
}: {
  onChange(code: string | null): void;
  error?: string;
  required?: boolean;
  anyLevel?: boolean;
  idPrefix?: string;
}) {
  const { t } = useT();
  const [chosen, setChosen] = useState<string[]>(['', '', '']);
  const provinces = useChildren(null, true);
  const second = useChildren(chosen[0] || null, Boolean(chosen[0]));
  const third = useChildren(chosen[1] || null, Boolean(chosen[1]) && provinces.levels > 2);
  const lists = [provinces, second, third];
  const fields = levelFields(provinces.levels || 3, t);
  const lowest = fields.length - 1;

  const choose = (level: number, value: string) => {
    const next = chosen.map((c, i) => (i < level ? c : i === level ? value : ''));
    setChosen(next);
    const deepest = [...next].reverse().find(Boolean) ?? null;
    onChange(anyLevel ? deepest : next[lowest] || null);
  };

  return (
    <>
      {fields.map(({ id: name, label }, level) => {
        const id = idPrefix ? `${idPrefix}-${name}` : name;
        return (
          <Field key={id} label={label} htmlFor={id} error={level === lowest ? error : undefined}>
            <select
              id={id}
              value={chosen[level]}
              onChange={(e) => choose(level, e.target.value)}
              disabled={lists[level]!.units.length === 0}
              required={required}
            >
              <option value="">{t.choose}</option>
              {lists[level]!.units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
        );
      })}
    </>
  );
}
