import pino, { type Logger } from 'pino';

export type { Logger };

/** One structured logger: JSON lines, or pretty lines for a person at a terminal. */
export function createLogger(level: string, pretty: boolean): Logger {
  return pino({
    level,
    base: undefined,
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  });
}
