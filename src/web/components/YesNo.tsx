/** A yes/no question answered with two large buttons (easier on a phone than a checkbox). */
import { useT } from '../app/lang.js';

export function YesNo({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: boolean;
  onChange(v: boolean): void;
}) {
  const { t } = useT();
  return (
    <div className="yesno" role="radiogroup" aria-label={label} id={id}>
      <span>{label}</span>
      <span className="yesno-buttons">
        <button
          type="button"
          role="radio"
          aria-checked={value}
          className={value ? 'on yes' : ''}
          onClick={() => onChange(true)}
        >
          {t.yes}
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={!value}
          className={!value ? 'on' : ''}
          onClick={() => onChange(false)}
        >
          {t.no}
        </button>
      </span>
    </div>
  );
}
