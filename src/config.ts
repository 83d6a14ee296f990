import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).transform((v) => v === 'true' || v === '1');

const positiveInt = (example: number) =>
  z.coerce
    .number({ error: `must be a whole number, e.g. ${example}` })
    .int(`must be a whole number, e.g. ${example}`)
    .positive(`must be greater than 0, e.g. ${example}`);

const EnvSchema = z.object({
  DATABASE_PATH: z.string().trim().min(1, 'must be a file path, e.g. data/quotes.db').default('data/quotes.db'),
  PORT: z.coerce
    .number({ error: 'must be a whole number between 0 and 65535, e.g. 4000' })
    .int('must be a whole number between 0 and 65535, e.g. 4000')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(4000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  API_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters; generate one with `openssl rand -hex 32`')
    .refine((v) => !/\s/.test(v), 'must not contain spaces')
    .optional(),
  PLAYGROUND: flag.optional(),
  INTROSPECTION: flag.optional(),
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.literal('*'), z.url({ error: 'each origin must be a URL such as https://app.example.org, or *' })])))
    .default([]),
  MAX_DEPTH: positiveInt(10).default(10),
  MAX_ALIASES: positiveInt(15).default(15),
  MAX_DIRECTIVES: positiveInt(50).default(50),
  MAX_TOKENS: positiveInt(4000).default(4000),
  MAX_COST: positiveInt(50000).default(50000),
  MAX_PAGE_SIZE: positiveInt(100).default(100),
  MAX_BODY_BYTES: positiveInt(1_000_000).default(1_000_000),
  MAX_RESPONSE_BYTES: positiveInt(10_000_000).default(10_000_000),
  REQUEST_TIMEOUT_MS: positiveInt(10_000).default(10_000),
  SEARCH_BUDGET_MS: positiveInt(1500).default(1500),
  ALLOW_BATCHING: flag.default(false),
  PERSISTED_ONLY: flag.default(false),
  PERSISTED_MANIFEST: z.string().trim().min(1).default('examples/gql/persisted-documents.json'),
  CACHE_MAX_AGE: z.coerce.number({ error: 'must be a number of seconds, e.g. 60' }).int().min(0).default(60),
  DB_CACHE_MB: positiveInt(64).max(4096, 'must be at most 4096 (MiB)').default(64),
  COMPILE_QUERIES: flag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof EnvSchema> & { PLAYGROUND: boolean; INTROSPECTION: boolean };

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; an invalid value stops startup with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const production = parsed.data.NODE_ENV === 'production';
  // In production the IDE and introspection are off unless asked for.
  return {
    ...parsed.data,
    PLAYGROUND: parsed.data.PLAYGROUND ?? !production,
    INTROSPECTION: parsed.data.INTROSPECTION ?? !production,
  };
}

/** The configuration of a server started in code (tests, benchmarks): defaults, then overrides. */
export function configWith(overrides: Partial<Config>): Config {
  return { ...loadConfig({}), ...overrides };
}
