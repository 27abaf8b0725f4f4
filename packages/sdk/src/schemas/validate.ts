/**
 * Response validation, loaded on first use by the client (a separate chunk: the core does not
 * carry zod or the schemas).
 */
import type { ResponseIssue } from '../core/errors.js';
import { responseSchemas } from './generated.js';

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  pattern?: string;
}

interface SafeParse {
  safeParse(data: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
}

/** A short English description of an issue; it never quotes the value (it may be personal data). */
function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values?.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `below the minimum ${issue.minimum}`;
    case 'too_big':
      return `above the maximum ${issue.maximum}`;
    case 'invalid_format':
      return issue.pattern ? `does not match ${issue.pattern}` : `not a valid ${issue.format}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    default:
      return issue.message;
  }
}

/** A JSON pointer to the issue's place in the body. */
const pointer = (path: PropertyKey[]) =>
  path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The issues of `data` as the success body of `operationId`, or undefined when it conforms. */
export function validateResponse(operationId: string, data: unknown): ResponseIssue[] | undefined {
  const schema = (responseSchemas as Record<string, (() => SafeParse) | undefined>)[
    operationId
  ]?.();
  if (!schema) return undefined;
  const result = schema.safeParse(data);
  if (result.success) return undefined;
  return result.error.issues.map((issue) => ({
    path: pointer(issue.path),
    message: describe(issue),
    code: issue.code,
  }));
}
