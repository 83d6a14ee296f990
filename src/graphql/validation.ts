import { Length, Matches, registerDecorator, validate, type ValidationError, type ValidationOptions } from 'class-validator';
import { GraphQLError } from 'graphql';

// Curated text is stored as typed; these checks keep it clean without changing it.

// U+061C, U+200E/F, U+202A–202E, U+2066–2069: they reorder what a reader sees. ZWNJ (U+200C) stays:
// Persian and some Arabic spellings need it.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function textRule(name: string, test: (value: string) => boolean, message: string) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && test(value)) },
    });
}

export const IsNfc = textRule('isNfc', (v) => v === v.normalize('NFC'), 'must be Unicode NFC (normalise it before sending)');
export const IsTrimmed = textRule('isTrimmed', (v) => v === v.trim(), 'must not start or end with spaces');
export const NoBidiControls = textRule(
  'noBidiControls',
  (v) => !BIDI_CONTROLS.test(v),
  'must not contain bidirectional control characters (U+061C, U+200E/F, U+202A–202E, U+2066–2069)',
);
export const NotBlank = textRule('notBlank', (v) => v.trim().length > 0, 'must not be empty');

interface FieldProblem {
  path: string;
  message: string;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message: message.replace(new RegExp(`^${e.property} `), '') }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

// C0 controls but tab and newline, DEL and the C1 controls.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

/** Where in `value` a string is not well-formed UTF-16 (a lone surrogate) or holds a control character, as `path`: what is wrong. */
function malformedText(value: unknown, path: string): FieldProblem | null {
  if (typeof value === 'string') {
    if (!value.isWellFormed()) return { path, message: 'is not well-formed Unicode (it has a lone surrogate): send UTF-8 text' };
    const control = CONTROL_CHARACTERS.exec(value);
    if (control)
      return { path, message: `holds the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}: only newline and tab are allowed` };
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const problem = malformedText(item, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (problem) return problem;
  }
  return null;
}

/**
 * type-graphql's validateFn: every string of the field's arguments well-formed, then
 * class-validator on every input object, and a BAD_USER_INPUT that names each field and what to
 * change (not type-graphql's bare "Argument Validation Error"). Text is stored as sent, so a lone
 * surrogate would come back as U+FFFD and shift every offset after it.
 */
export async function validateInput(value: unknown, _type?: unknown, resolverData?: { args: Record<string, unknown> }): Promise<void> {
  const malformed = malformedText(resolverData?.args ?? value, '');
  if (malformed) {
    throw new GraphQLError(`Invalid input: ${malformed.path} ${malformed.message}.`, {
      extensions: { code: 'BAD_USER_INPUT', argument: malformed.path, fields: [malformed] },
    });
  }
  if (value === null || typeof value !== 'object') return;
  const errors = await validate(value, { forbidUnknownValues: false, skipMissingProperties: true });
  if (!errors.length) return;
  const problems = flatten(errors);
  throw new GraphQLError(`Invalid input: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, {
    extensions: { code: 'BAD_USER_INPUT', argument: problems[0]?.path, fields: problems },
  });
}

/** Curated text: `min`–`max` characters, NFC, trimmed, not blank, no bidi controls. */
export function CuratedText(max: number, options: { each?: boolean } = {}) {
  const each = { each: options.each };
  return allOf([Length(1, max, each), NotBlank(each), IsNfc(each), IsTrimmed(each), NoBidiControls(each)]);
}

/** A slug: lowercase latin letters, digits and single hyphens. */
export function IsSlug() {
  return allOf([Length(1, 80), Matches(SLUG_PATTERN, { message: 'must be lowercase latin letters, digits and single hyphens, e.g. "cyber-crime"' })]);
}

type FieldRule = (object: object, propertyName: string) => void;

/** One property decorator that applies each of `rules`. */
function allOf(rules: FieldRule[]): FieldRule {
  return (object, propertyName) => {
    for (const rule of rules) rule(object, propertyName);
  };
}
