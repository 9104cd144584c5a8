/** The registered population of a unit: the denominator of the card issuance rate. */
import { useState, type FormEvent } from 'react';
import { MAX_POPULATION, statsApi } from '../../../shared/api/stats.js';
import { call } from '../../api/client.js';
import { useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';

export function PopulationForm({
  code,
  current,
  onSaved,
}: {
  code: string;
  current: number | null;
  onSaved: () => void;
}) {
  const { t } = useT();
  const [value, setValue] = useState(current ? String(current) : '');
  const save = useSubmit(async () => {
    await call(statsApi.setPopulation, { params: { code }, body: { population: Number(value) } });
    onSaved();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form className="card row" onSubmit={submit}>
      <label className="inline">
        {t.dash_population}{' '}
        <input
          type="number"
          min={1}
          max={MAX_POPULATION}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
          style={{ width: 160 }}
        />
      </label>
      <button className="btn secondary" type="submit" disabled={save.busy}>
        {t.dash_save}
      </button>
      {save.error && <span className="error">{save.error}</span>}
    </form>
  );
}
