/**
 * "From" and "to" local-day pickers that keep from ≤ to and from ≤ today, as the server asks
 * (dashboard, exports, tracing, audit).
 */
import { useT } from '../app/lang.js';
import { localToday } from '../features/dashboard/dates.js';
import { DayInput } from './DayInput.js';

export interface DayRange {
  from: string;
  to: string;
}

/** `inline`: label and picker on one line (toolbars); otherwise stacked (form grids). */
export function DateRangeFields({
  value,
  onChange,
  inline = true,
}: {
  value: DayRange;
  onChange(range: DayRange): void;
  inline?: boolean;
}) {
  const { t } = useT();
  const today = localToday();
  const field = (label: string, key: keyof DayRange, bound: { min?: string; max?: string }) => (
    <label className={inline ? 'inline' : undefined}>
      {label}
      {inline ? ' ' : null}
      <DayInput value={value[key]} {...bound} onChange={(iso) => onChange({ ...value, [key]: iso })} />
    </label>
  );
  return (
    <>
      {field(t.dash_from, 'from', { max: value.to < today ? value.to : today })}
      {field(t.dash_to, 'to', { min: value.from })}
    </>
  );
}
