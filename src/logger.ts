import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout. Authorization headers are never logged (nothing logs headers). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'quote-graph' }, timestamp: pino.stdTimeFunctions.isoTime });
}
