/**
 * Complaint rules that the complaint form and the server compute identically: which handling
 * department a complaint is routed to, its acknowledgement deadline, the ticket priority its
 * severity gives, and the validation of a category's custom fields.
 */
import { addBusinessSeconds, type BusinessCalendar, type Instant } from './sla.js';
import { dayNumber } from './time-zone.js';
import type { Channel, Priority } from './tickets.js';

export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const CALLBACK_OUTCOMES = [
  'satisfied',
  'partially_satisfied',
  'unsatisfied',
  'unreachable',
] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** The highest escalation level a complaint can reach. */
export const MAX_ESCALATION_LEVEL = 3;

/** The ticket priority a complaint of each severity gets. */
export const COMPLAINT_PRIORITY: Readonly<Record<ComplaintSeverity, Priority>> = {
  low: 'low',
  medium: 'normal',
  high: 'high',
  critical: 'urgent',
};

export function isComplaintSeverity(value: unknown): value is ComplaintSeverity {
  return typeof value === 'string' && (COMPLAINT_SEVERITIES as readonly string[]).includes(value);
}

/** The ticket priority of a complaint: low → low, medium → normal, high → high, critical → urgent. */
export function complaintPriority(severity: ComplaintSeverity): Priority {
  return COMPLAINT_PRIORITY[severity];
}

// ---- routing ------------------------------------------------------------------------------------

/** What routing needs of a category (the API's `ComplaintCategory` fits). */
export interface RoutingCategory {
  id: string;
  parentId: string | null;
  /** The default handling department; null to fall back to the parent's. */
  departmentId: string | null;
  acknowledgeWithinHours: number;
}

/** A routing rule (the API's `RoutingRule` fits). A null condition matches anything. */
export interface ComplaintRoutingRule {
  id: string;
  order: number;
  categoryId: string | null;
  severity: ComplaintSeverity | null;
  channel: Channel | string | null;
  departmentId: string;
  escalationLevel: number;
  /** Overrides the category's deadline; null keeps it. */
  acknowledgeWithinHours: number | null;
}

export interface ComplaintRoutingInput {
  /** The complaint's category (a leaf, usually). */
  category: RoutingCategory;
  /** Its parent, when it has one (for the parent's default department). */
  parent?: RoutingCategory | null;
  severity: ComplaintSeverity;
  channel: Channel | string;
}

export interface ComplaintRoute {
  /** The handling department; null when no rule matched and no category names one. */
  departmentId: string | null;
  /** The rule that matched, null when the category's default applied. */
  ruleId: string | null;
  escalationLevel: number;
  acknowledgeWithinHours: number;
}

/** Whether a rule's conditions all hold for a complaint. */
export function routingRuleMatches(
  rule: ComplaintRoutingRule,
  input: ComplaintRoutingInput,
): boolean {
  if (
    rule.categoryId !== null &&
    rule.categoryId !== input.category.id &&
    rule.categoryId !== input.category.parentId
  ) {
    return false;
  }
  if (rule.severity !== null && rule.severity !== input.severity) return false;
  if (rule.channel !== null && rule.channel !== input.channel) return false;
  return true;
}

/**
 * Routes a complaint: the rules are tried in ascending `order` (ties by `id`); the first whose
 * category (the complaint's category or its parent), severity and channel all match names the
 * department, the escalation level and (when it sets one) the acknowledgement hours. When none
 * matches, the category's default department applies (else its parent's), at level 0, with the
 * category's acknowledgement hours.
 */
export function routeComplaintTo(
  rules: readonly ComplaintRoutingRule[],
  input: ComplaintRoutingInput,
): ComplaintRoute {
  const ordered = [...rules].sort((a, b) =>
    a.order !== b.order ? a.order - b.order : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const rule = ordered.find((r) => routingRuleMatches(r, input));
  if (rule) {
    return {
      departmentId: rule.departmentId,
      ruleId: rule.id,
      escalationLevel: Math.max(0, Math.min(MAX_ESCALATION_LEVEL, rule.escalationLevel)),
      acknowledgeWithinHours: rule.acknowledgeWithinHours ?? input.category.acknowledgeWithinHours,
    };
  }
  return {
    departmentId: input.category.departmentId ?? input.parent?.departmentId ?? null,
    ruleId: null,
    escalationLevel: 0,
    acknowledgeWithinHours: input.category.acknowledgeWithinHours,
  };
}

/**
 * The acknowledgement deadline (受理时限): `acknowledgeWithinHours` business hours after `filedAt`,
 * counted with the center's business calendar (a complaint filed on Friday evening is due on
 * Monday). Throws a RangeError for a calendar without opening hours.
 */
export function complaintAcknowledgeBy(
  calendar: BusinessCalendar,
  filedAt: Instant,
  acknowledgeWithinHours: number,
): Date {
  return addBusinessSeconds(calendar, filedAt, acknowledgeWithinHours * 3600);
}

// ---- custom fields ------------------------------------------------------------------------------

export type CustomFieldType = 'text' | 'number' | 'date' | 'select';

/** A field a complaint of a category asks for (the API's `CustomFieldDefinition` fits). */
export interface CustomFieldDefinition {
  key: string;
  type: CustomFieldType;
  required: boolean;
  /** For text: at most this many characters (Unicode code points). */
  maxLength?: number;
  /** For text: an ECMAScript regular expression the whole value must match. */
  pattern?: string;
  /** For number. */
  min?: number;
  max?: number;
  /** For select: the allowed values. */
  options?: readonly { value: string }[];
}

export type CustomFieldValue = string | number;

export type CustomFieldIssueCode =
  'required' | 'type' | 'maxLength' | 'pattern' | 'min' | 'max' | 'option' | 'unknown';

export interface CustomFieldIssue {
  /** `/customFields/<key>`; a server prefixes `/body`. */
  path: string;
  key: string;
  code: CustomFieldIssueCode;
  /** English; a user interface shows its own text for the code. */
  message: string;
  /** The limit that was not kept (maxLength, min, max), for messages. */
  limit?: number;
}

/** A value that counts as not given: absent, null, or a string of only white space. */
export function isBlankCustomFieldValue(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** 'YYYY-MM-DD' naming a real calendar date. */
export function isIsoDate(value: string): boolean {
  // The years 0000–0099 have never passed this check (they were read as 1900–1999), and still do not.
  return value >= '0100' && dayNumber(value) !== null;
}

const patternCache = new Map<string, RegExp | null>();

/** The whole-value matcher of a definition's pattern; null when the pattern does not compile. */
function wholeMatcher(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      try {
        re = new RegExp(`^(?:${pattern})$`);
      } catch {
        re = null;
      }
    }
    patternCache.set(pattern, re);
  }
  return re;
}

/**
 * Checks custom-field values against a category's definitions. Returns one issue per bad field
 * (the first rule it breaks), `[]` when all is well:
 * - `required`: a required field is blank (absent, null or white space only);
 * - `type`: text and select need a string, number a finite number, date a real `YYYY-MM-DD`;
 * - `maxLength` (code points), `pattern` (the whole value), `min`, `max`, `option` (not one of
 *   the select's values);
 * - `unknown`: a key the category does not define.
 * A blank optional field is not checked further (see {@link normalizeCustomFields}).
 */
export function validateCustomFields(
  definitions: readonly CustomFieldDefinition[],
  values: Readonly<Record<string, unknown>> | null | undefined,
): CustomFieldIssue[] {
  const given = values ?? {};
  const issues: CustomFieldIssue[] = [];
  const issue = (
    key: string,
    code: CustomFieldIssueCode,
    message: string,
    limit?: number,
  ): CustomFieldIssue => ({
    path: `/customFields/${key}`,
    key,
    code,
    message,
    ...(limit !== undefined ? { limit } : {}),
  });
  const defined = new Set(definitions.map((d) => d.key));

  for (const def of definitions) {
    const value = Object.prototype.hasOwnProperty.call(given, def.key) ? given[def.key] : undefined;
    if (isBlankCustomFieldValue(value)) {
      if (def.required) issues.push(issue(def.key, 'required', 'is required'));
      continue;
    }
    switch (def.type) {
      case 'number': {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          issues.push(issue(def.key, 'type', 'must be a number'));
        } else if (def.min !== undefined && value < def.min) {
          issues.push(issue(def.key, 'min', `must be at least ${def.min}`, def.min));
        } else if (def.max !== undefined && value > def.max) {
          issues.push(issue(def.key, 'max', `must be at most ${def.max}`, def.max));
        }
        break;
      }
      case 'date': {
        if (typeof value !== 'string' || !isIsoDate(value)) {
          issues.push(issue(def.key, 'type', 'must be a date (YYYY-MM-DD)'));
        }
        break;
      }
      case 'select': {
        if (typeof value !== 'string') {
          issues.push(issue(def.key, 'type', 'must be one of the options'));
        } else if (!(def.options ?? []).some((o) => o.value === value)) {
          issues.push(issue(def.key, 'option', 'is not one of the options'));
        }
        break;
      }
      default: {
        if (typeof value !== 'string') {
          issues.push(issue(def.key, 'type', 'must be text'));
        } else if (def.maxLength !== undefined && [...value].length > def.maxLength) {
          issues.push(
            issue(
              def.key,
              'maxLength',
              `must be at most ${def.maxLength} characters`,
              def.maxLength,
            ),
          );
        } else if (def.pattern !== undefined && !wholeMatcher(def.pattern)?.test(value)) {
          // A pattern that does not compile is not enforced (the category is at fault, not the input).
          if (wholeMatcher(def.pattern)) {
            issues.push(issue(def.key, 'pattern', 'does not have the expected format'));
          }
        }
      }
    }
  }
  for (const key of Object.keys(given)) {
    if (!defined.has(key)) issues.push(issue(key, 'unknown', 'is not a field of this category'));
  }
  return issues;
}

/**
 * The values to store: blank ones dropped, text trimmed of nothing (stored verbatim). Call after
 * {@link validateCustomFields} found no issue.
 */
export function normalizeCustomFields(
  values: Readonly<Record<string, unknown>> | null | undefined,
): Record<string, CustomFieldValue> {
  const result: Record<string, CustomFieldValue> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (isBlankCustomFieldValue(value)) continue;
    if (typeof value === 'string' || typeof value === 'number') result[key] = value;
  }
  return result;
}
