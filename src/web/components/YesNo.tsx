/**
 * A yes/no question answered with two large buttons (easier on a phone than a checkbox). It may start
 * unanswered (null: neither button chosen); `missing` marks it when the form was sent without it.
 */
import { useT } from '../app/lang.js';

export type Answer = boolean | null;

export function YesNo({
  id,
  label,
  value,
  onChange,
  missing = false,
}: {
  id: string;
  label: string;
  value: Answer;
  onChange(v: boolean): void;
  missing?: boolean;
}) {
  const { t } = useT();
  return (
    <div
      className={missing ? 'yesno missing' : 'yesno'}
      role="radiogroup"
      aria-label={label}
      aria-invalid={missing || undefined}
      id={id}
    >
      <span>
        {label}
        {missing && <span className="field-error"> {t.decl_answer_this}</span>}
      </span>
      <span className="yesno-buttons">
        <button
          type="button"
          role="radio"
          aria-checked={value === true}
          className={value === true ? 'on yes' : ''}
          onClick={() => onChange(true)}
        >
          {t.yes}
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={value === false}
          className={value === false ? 'on' : ''}
          onClick={() => onChange(false)}
        >
          {t.no}
        </button>
      </span>
    </div>
  );
}
