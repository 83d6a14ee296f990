import { z } from 'zod';

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
});

export type Config = z.infer<typeof EnvSchema>;

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
        const name = issue.path.join('.');
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  return parsed.data;
}
