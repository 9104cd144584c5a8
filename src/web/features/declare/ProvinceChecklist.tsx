/** The 63 provinces as a compact checklist for "provinces visited in the last 14 days". */
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';

interface Unit {
  code: string;
  name: string;
}

export function ProvinceChecklist({
  selected,
  onChange,
}: {
  selected: string[];
  onChange(codes: string[]): void;
}) {
  const [provinces, setProvinces] = useState<Unit[]>([]);
  useEffect(() => {
    api<{ items: Unit[] }>('GET', '/api/admin-units').then(
      (r) => setProvinces(r.items),
      () => setProvinces([]),
    );
  }, []);
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
