/**
 * A modal that asks for the reason of a decision (suspending or reinstating a venue) before it is
 * made: a real dialog with a labelled text area, Cancel, and a confirm button that stays disabled
 * until a reason is written. Escape or Cancel closes it without acting.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../app/lang.js';

export function ReasonDialog({
  title,
  label,
  confirm,
  onConfirm,
  onClose,
}: {
  title: string;
  label: string;
  confirm: string;
  onConfirm(reason: string): void;
  onClose(): void;
}) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    onConfirm(reason.trim());
    onClose();
  };
  return (
    <dialog ref={dialog} className="card" onClose={onClose} aria-labelledby="reason-title">
      <form onSubmit={submit}>
        <h2 id="reason-title">{title}</h2>
        <label htmlFor="reason-text">{label}</label>
        <textarea
          id="reason-text"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          maxLength={500}
          required
          autoFocus
          style={{ width: '100%' }}
        />
        <p className="row">
          <button type="button" className="btn secondary" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="btn" disabled={!reason.trim()}>
            {confirm}
          </button>
        </p>
      </form>
    </dialog>
  );
}
