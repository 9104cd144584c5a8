/** The request and submit hooks every page uses: one way to load, one way to send, one error text. */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError, formErrors } from './client.js';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /** Loads again (after a change the page made). */
  reload(): void;
}

/**
 * Loads what a page shows whenever `deps` change; `load = null` loads nothing. Only the newest
 * request's answer is kept: after a quick change of unit, a slower answer for the previous unit
 * arriving late is ignored instead of overwriting the figures on screen.
 */
export function useRequest<T>(load: (() => Promise<T>) | null, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: string | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: load !== null,
  });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    if (!load) {
      setState({ data: undefined, error: null, loading: false });
      return;
    }
    setState((s) => ({ ...s, error: null, loading: true }));
    load().then(
      (data) => ticket === latest.current && setState({ data, error: null, loading: false }),
      (err: unknown) =>
        ticket === latest.current &&
        setState((s) => ({ ...s, error: formErrors(err).message, loading: false })),
    );
    return () => {
      // An unmounted page ignores what arrives after it left.
      if (latest.current === ticket) latest.current++;
    };
    // The caller names the dependencies (as with useEffect).
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

export interface Submission<A extends unknown[], R> {
  /** Runs the action once at a time; resolves to its result, or undefined when it failed. */
  run(...args: A): Promise<R | undefined>;
  busy: boolean;
  /** The translated error message of the last failure. */
  error: string | null;
  /** Per-field messages keyed by the API's paths (`person.phone`). */
  fields: Record<string, string>;
  /** The API's error code of the last failure (`phone_has_account`), null for a network failure. */
  code: string | null;
  clear(): void;
}

/** Sends a form or an action: a busy flag while it runs, its error as text and per field. */
export function useSubmit<A extends unknown[], R>(action: (...args: A) => Promise<R>): Submission<A, R> {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{
    message: string;
    fields: Record<string, string>;
    code: string | null;
  } | null>(null);
  const running = useRef(false);
  const actionRef = useRef(action);
  actionRef.current = action;
  const run = useCallback(async (...args: A) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setFailure(null);
    try {
      return await actionRef.current(...args);
    } catch (err) {
      setFailure({ ...formErrors(err), code: err instanceof ApiError ? err.code : null });
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setFailure(null), []);
  return {
    run,
    busy,
    error: failure?.message ?? null,
    fields: failure?.fields ?? {},
    code: failure?.code ?? null,
    clear,
  };
}
