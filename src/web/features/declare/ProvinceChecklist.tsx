/** The provinces as a compact checklist for "provinces visited in the last 14 days". */
import { referenceApi } from '../../../shared/api/reference.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';

export function ProvinceChecklist({
  selected,
  onChange,
}: {
  selected: string[];
  onChange(codes: string[]): void;
}) {
  const provinces = useRequest(() => call(referenceApi.adminUnits), []).data?.items ?? [];
  const toggle = (code: string) =>
    onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  return (
    <div className="checklist" id="visited">
      {provinces.map((p) => (
        <label key={p.code}>
          <input
            type="checkbox"
            value={p.code}
            checked={selected.includes(p.code)}
            onChange={() => toggle(p.code)}
          />{' '}
          {p.name}
        </label>
      ))}
    </div>
  );
}
