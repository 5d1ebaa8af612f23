import type { Pool } from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver gets: the request's identity, its own DataLoaders, the pool, a logger. */
export interface Context {
  readonly requestId: string;
  readonly pool: Pool;
  readonly loaders: Loaders;
  readonly log: FastifyBaseLogger;
}

export function createContext(pool: Pool, log: FastifyBaseLogger, requestId: string): Context {
  return { requestId, pool, log, loaders: createLoaders(pool) };
}
