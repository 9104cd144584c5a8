/** What the run's global setup provided, or undefined outside vitest (benchmarks reuse test support). */
import { inject, type ProvidedContext } from 'vitest';

export function provided<K extends keyof ProvidedContext>(key: K): ProvidedContext[K] | undefined {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}
