/**
 * What the run's global setup provided, or undefined outside vitest: benchmarks reuse the test
 * support, and importing `vitest` outside a vitest worker throws, so it is imported only inside one.
 */
import type { ProvidedContext } from 'vitest';

export async function provided<K extends keyof ProvidedContext>(
  key: K,
): Promise<ProvidedContext[K] | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}
