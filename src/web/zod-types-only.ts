/**
 * What `zod` is in the browser bundle (vite.config.ts aliases it here). The web app uses the shared
 * contracts (src/shared/api) for their types and for each endpoint's method and path; it never
 * validates with zod, so shipping zod (~30 kB gzip) to a cheap phone would buy nothing. Every schema
 * built in the browser is this inert chain; trying to validate with one fails loudly.
 */
const VALIDATORS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'decode', 'encode']);

const inert: object = new Proxy(function schema() {}, {
  get(_target, key) {
    if (typeof key === 'string' && VALIDATORS.has(key)) {
      throw new Error(`zod is types-only in the web app: ${key}() is not available here`);
    }
    return inert;
  },
  apply: () => inert,
});

export const z = inert;
export default inert;
