import type { z } from 'zod';
import type { InterchangeProblem } from './interchange';

/** `['items', 3, 'boxes', 1, 'w']` -> `items[3].boxes[1].w`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}...` : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/**
 * Turns a zod issue into a short message a person can act on ("must be >= 0", "is required")
 * instead of zod's generic "Too small: expected number to be >=0". Needs the parse to run
 * with `reportInput: true` so a missing field can be told apart from a wrong one.
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (!('input' in issue) || issue.input === undefined) return 'is required';
      const expected = issue.expected === 'array' ? 'list' : issue.expected;
      return `must be ${article(expected)} (got ${describeValue(issue.input)})`;
    }
    case 'too_small': {
      const op = issue.inclusive ? '>=' : '>';
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} entries`;
      return `must be ${op} ${String(issue.minimum)} (got ${describeValue(issue.input)})`;
    }
    case 'too_big': {
      const op = issue.inclusive ? '<=' : '<';
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `must have at most ${String(issue.maximum)} entries`;
      return `must be ${op} ${String(issue.maximum)} (got ${describeValue(issue.input)})`;
    }
    case 'not_multiple_of':
      return issue.divisor === 1 ? 'must be a whole number' : issue.message;
    default:
      return issue.message;
  }
}

/** Every issue of a failed parse as a problem; `prefix` locates the parsed value in the file. */
export function zodProblems(
  error: z.ZodError,
  prefix: ReadonlyArray<PropertyKey>,
  extra: Partial<InterchangeProblem> = {},
): InterchangeProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const boxAt = path.indexOf('boxes');
    const box =
      boxAt >= 0 && typeof path[boxAt + 1] === 'number' ? (path[boxAt + 1] as number) : undefined;
    return {
      ...extra,
      ...(box !== undefined ? { box } : {}),
      where: formatPath(path),
      message: issueMessage(issue),
    };
  });
}
