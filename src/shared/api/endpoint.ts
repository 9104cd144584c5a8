/**
 * One endpoint of the HTTP API, described once: the server registers its route from it (validation,
 * OpenAPI, serialisation) and the web client calls it with the same types. Renaming a field in a
 * schema here is a compile error on both sides.
 */
import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: Method;
  /** Fastify-style path: `/api/venues/:id/check-ins`. */
  path: string;
  /** OpenAPI group. */
  tag: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Answer schema per success status; none for 204 and file answers. */
  responses?: Partial<Record<200 | 201 | 202, z.ZodType>>;
}

/** Declares an endpoint, keeping its literal types for both sides. */
export const endpoint = <const E extends Endpoint>(e: E): E => e;

type Schema<E, K extends keyof Endpoint> = E extends { [P in K]: infer S extends z.ZodType } ? S : never;

/** What the server answers on success (JSON as the web receives it). */
export type AnswerOf<E extends Endpoint> = E extends { responses: infer R }
  ? { [S in keyof R]: R[S] extends z.ZodType ? z.output<R[S]> : never }[keyof R]
  : void;

/** What a caller sends. */
export type BodyOf<E extends Endpoint> = z.input<Schema<E, 'body'>>;
export type QueryOf<E extends Endpoint> = z.input<Schema<E, 'query'>>;
export type ParamsOf<E extends Endpoint> = { [K in keyof z.input<Schema<E, 'params'>>]: string | number };
