/**
 * Dates typed and shown one way everywhere, dd/mm/yyyy and 24-hour hh:mm, whatever the browser's
 * language (a native date input follows the browser: mm/dd/yyyy and AM/PM on an English Chrome).
 * The calendar button still opens the browser's own picker. Values are ISO: "2026-11-20" and
 * "2026-11-20T08:30".
 */
import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { useT } from '../app/lang.js';
import { dayText, parseDay, parseTime } from './day-text.js';

type Extra = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'min' | 'max'>;

export function DayInput({
  value,
  onChange,
  min,
  max,
  ...input
}: { value: string; onChange(iso: string): void; min?: string; max?: string } & Extra) {
  const { t } = useT();
  const [text, setText] = useState(() => dayText(value));
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => setText((old) => (parseDay(old) === value ? old : dayText(value))), [value]);
  const typed = parseDay(text);
  const tooEarly = typed !== null && Boolean(min) && typed < min!;
  const tooLate = typed !== null && Boolean(max) && typed > max!;
  const invalid = text.trim() !== '' && (typed === null || tooEarly || tooLate);
  // Why the day typed is refused: its form, or the days the field allows (e.g. "from" after today).
  const hint = !invalid
    ? undefined
    : tooLate
      ? t.date_not_after.replace('{day}', dayText(max!))
      : tooEarly
        ? t.date_not_before.replace('{day}', dayText(min!))
        : t.date_format_hint;
  return (
    <span className="day-input">
      <input
        {...input}
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        autoComplete="off"
        value={text}
        aria-invalid={invalid || undefined}
        title={hint}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseDay(e.target.value);
          if (iso && !(min && iso < min) && !(max && iso > max)) onChange(iso);
        }}
      />
      <button
        type="button"
        className="link day-picker"
        aria-label={t.date_pick}
        onClick={() => openPicker(picker.current)}
      >
        <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
          <rect
            x="2.5"
            y="4"
            width="15"
            height="13"
            rx="2"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          />
          <path d="M2.5 8h15M6.5 2.5v3M13.5 2.5v3" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="picker-proxy"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        min={min}
        max={max}
        onChange={(e) => e.target.value && onChange(e.target.value)}
      />
    </span>
  );
}

/** A day and a 24-hour time: "2026-11-20T08:30" (paper entries, tracing windows). */
export function DayTimeInput({
  value,
  onChange,
  max,
  id,
  required,
}: {
  value: string;
  onChange(iso: string): void;
  max?: string;
  id?: string;
  required?: boolean;
}) {
  const { t } = useT();
  const [day = '', time = ''] = value.split('T');
  const [timeText, setTimeText] = useState(time);
  useEffect(() => setTimeText((old) => (parseTime(old) === time ? old : time)), [time]);
  const badTime = timeText.trim() !== '' && parseTime(timeText) === null;
  return (
    <span className="row day-time">
      <DayInput
        id={id}
        value={day}
        max={max?.slice(0, 10)}
        required={required}
        onChange={(d) => onChange(`${d}T${parseTime(timeText) ?? (time || '00:00')}`)}
      />
      <input
        className="time-input"
        inputMode="numeric"
        placeholder="hh:mm"
        aria-label={t.time_label}
        autoComplete="off"
        required={required}
        value={timeText}
        aria-invalid={badTime || undefined}
        onChange={(e) => {
          setTimeText(e.target.value);
          const hhmm = parseTime(e.target.value);
          if (hhmm && day) onChange(`${day}T${hhmm}`);
        }}
      />
    </span>
  );
}

function openPicker(input: HTMLInputElement | null) {
  if (!input) return;
  try {
    input.showPicker();
  } catch {
    input.focus(); // browsers without showPicker: the hidden input still takes keys
  }
}
