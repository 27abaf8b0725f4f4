import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  COMPLAINT_PRIORITY,
  complaintAcknowledgeBy,
  complaintPriority,
  isIsoDate,
  normalizeCustomFields,
  routeComplaintTo,
  routingRuleMatches,
  validateCustomFields,
  type ComplaintRoutingRule,
  type CustomFieldDefinition,
  type RoutingCategory,
} from '../src/complaints.js';
import type { BusinessCalendar } from '../src/sla.js';

const billing: RoutingCategory = {
  id: 'cat_billing',
  parentId: null,
  departmentId: 'dept_billing',
  acknowledgeWithinHours: 24,
};
const dispute: RoutingCategory = {
  id: 'cat_billing_dispute',
  parentId: 'cat_billing',
  departmentId: 'dept_billing_disputes',
  acknowledgeWithinHours: 12,
};
const orphan: RoutingCategory = {
  id: 'cat_other_x',
  parentId: 'cat_other',
  departmentId: null,
  acknowledgeWithinHours: 48,
};

const rule = (r: Partial<ComplaintRoutingRule> & { id: string; order: number }) => ({
  categoryId: null,
  severity: null,
  channel: null,
  departmentId: `dept_${r.id}`,
  escalationLevel: 0,
  acknowledgeWithinHours: null,
  ...r,
});

const RULES: ComplaintRoutingRule[] = [
  rule({ id: 'letter', order: 80, channel: 'letter', acknowledgeWithinHours: 48 }),
  rule({
    id: 'critical',
    order: 20,
    severity: 'critical',
    escalationLevel: 2,
    acknowledgeWithinHours: 2,
  }),
  rule({
    id: 'billing_high',
    order: 30,
    categoryId: 'cat_billing_dispute',
    severity: 'high',
    escalationLevel: 1,
  }),
  rule({ id: 'billing_social', order: 40, categoryId: 'cat_billing', channel: 'social' }),
];

describe('complaint routing', () => {
  test('rules are tried in ascending order; the first match wins', () => {
    const route = routeComplaintTo(RULES, {
      category: dispute,
      parent: billing,
      severity: 'critical',
      channel: 'letter',
    });
    assert.deepEqual(route, {
      departmentId: 'dept_critical',
      ruleId: 'critical',
      escalationLevel: 2,
      acknowledgeWithinHours: 2,
    });
  });

  test('a rule on the category itself matches, with its severity', () => {
    const route = routeComplaintTo(RULES, {
      category: dispute,
      parent: billing,
      severity: 'high',
      channel: 'phone',
    });
    assert.equal(route.ruleId, 'billing_high');
    assert.equal(route.escalationLevel, 1);
    // The rule keeps the category's deadline.
    assert.equal(route.acknowledgeWithinHours, 12);
  });

  test('a rule on the parent category matches its children', () => {
    const route = routeComplaintTo(RULES, {
      category: dispute,
      parent: billing,
      severity: 'low',
      channel: 'social',
    });
    assert.equal(route.ruleId, 'billing_social');
  });

  test('severity and channel conditions must hold', () => {
    const input = {
      category: dispute,
      parent: billing,
      severity: 'medium',
      channel: 'phone',
    } as const;
    assert.equal(routingRuleMatches(RULES[2]!, input), false);
    assert.equal(routingRuleMatches(RULES[3]!, input), false);
    assert.equal(routingRuleMatches(RULES[0]!, { ...input, channel: 'letter' }), true);
  });

  test('no match: the category’s default department at level 0 with its hours', () => {
    assert.deepEqual(
      routeComplaintTo(RULES, {
        category: dispute,
        parent: billing,
        severity: 'medium',
        channel: 'phone',
      }),
      {
        departmentId: 'dept_billing_disputes',
        ruleId: null,
        escalationLevel: 0,
        acknowledgeWithinHours: 12,
      },
    );
  });

  test('no match and no department on the category: the parent’s, else null', () => {
    const parent = { ...billing, id: 'cat_other', departmentId: 'dept_care' };
    assert.equal(
      routeComplaintTo([], { category: orphan, parent, severity: 'low', channel: 'web' })
        .departmentId,
      'dept_care',
    );
    assert.equal(
      routeComplaintTo([], { category: orphan, severity: 'low', channel: 'web' }).departmentId,
      null,
    );
  });

  test('equal orders fall back to the id, so the answer never depends on input order', () => {
    const a = rule({ id: 'a', order: 1 });
    const b = rule({ id: 'b', order: 1 });
    const input = { category: billing, severity: 'low', channel: 'web' } as const;
    assert.equal(routeComplaintTo([b, a], input).ruleId, 'a');
    assert.equal(routeComplaintTo([a, b], input).ruleId, 'a');
  });

  test('priority follows severity', () => {
    assert.deepEqual(COMPLAINT_PRIORITY, {
      low: 'low',
      medium: 'normal',
      high: 'high',
      critical: 'urgent',
    });
    assert.equal(complaintPriority('critical'), 'urgent');
  });
});

describe('acknowledgement deadline', () => {
  const calendar: BusinessCalendar = {
    timeZone: 'Asia/Shanghai',
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    holidays: [{ date: '2026-12-01' }],
  };

  test('a Friday-evening filing is due on Monday, in business hours', () => {
    // Friday 2026-11-27 19:30 in Shanghai; 4 business hours -> Monday 13:00.
    const due = complaintAcknowledgeBy(calendar, '2026-11-27T11:30:00Z', 4);
    assert.equal(due.toISOString(), '2026-11-30T05:00:00.000Z');
  });

  test('counts across a holiday', () => {
    // Monday 2026-11-30 17:00; 2 hours: one on Monday, Tuesday is a holiday, the other on Wednesday.
    const due = complaintAcknowledgeBy(calendar, '2026-11-30T09:00:00Z', 2);
    assert.equal(due.toISOString(), '2026-12-02T02:00:00.000Z');
  });
});

describe('custom fields', () => {
  const defs: CustomFieldDefinition[] = [
    {
      key: 'invoiceNumber',
      type: 'text',
      required: true,
      maxLength: 20,
      pattern: '^INV-[0-9]{6,12}$',
    },
    { key: 'disputedAmount', type: 'number', required: false, min: 0, max: 1000 },
    { key: 'since', type: 'date', required: false },
    {
      key: 'plan',
      type: 'select',
      required: false,
      options: [{ value: '100m' }, { value: '500m' }],
    },
    { key: 'note', type: 'text', required: false, maxLength: 3, pattern: '[' },
  ];

  const codes = (values: Record<string, unknown>) =>
    validateCustomFields(defs, values).map((i) => `${i.path}:${i.code}`);

  test('valid values pass', () => {
    assert.deepEqual(
      codes({
        invoiceNumber: 'INV-20261101',
        disputedAmount: 58,
        since: '2026-02-28',
        plan: '500m',
      }),
      [],
    );
  });

  test('required: absent, null and white space are missing', () => {
    assert.deepEqual(codes({}), ['/customFields/invoiceNumber:required']);
    assert.deepEqual(codes({ invoiceNumber: '  ' }), ['/customFields/invoiceNumber:required']);
    assert.deepEqual(validateCustomFields(defs, undefined)[0]?.code, 'required');
  });

  test('pattern must match the whole value', () => {
    assert.deepEqual(codes({ invoiceNumber: 'INV-12' }), ['/customFields/invoiceNumber:pattern']);
    assert.deepEqual(codes({ invoiceNumber: 'xINV-123456' }), [
      '/customFields/invoiceNumber:pattern',
    ]);
  });

  test('maxLength counts characters, not UTF-16 units', () => {
    const defs2: CustomFieldDefinition[] = [
      { key: 'n', type: 'text', required: false, maxLength: 2 },
    ];
    assert.deepEqual(validateCustomFields(defs2, { n: '😀😀' }), []);
    assert.equal(validateCustomFields(defs2, { n: '张三丰' })[0]?.code, 'maxLength');
    assert.equal(validateCustomFields(defs2, { n: '张三丰' })[0]?.limit, 2);
  });

  test('types, bounds and options', () => {
    assert.deepEqual(
      codes({
        invoiceNumber: 123,
        disputedAmount: '58',
        since: '2026-02-30',
        plan: '1000m',
      }),
      [
        '/customFields/invoiceNumber:type',
        '/customFields/disputedAmount:type',
        '/customFields/since:type',
        '/customFields/plan:option',
      ],
    );
    assert.deepEqual(codes({ invoiceNumber: 'INV-123456', disputedAmount: -1 }), [
      '/customFields/disputedAmount:min',
    ]);
    assert.deepEqual(codes({ invoiceNumber: 'INV-123456', disputedAmount: 1000.5 }), [
      '/customFields/disputedAmount:max',
    ]);
    assert.deepEqual(codes({ invoiceNumber: 'INV-123456', plan: 5 }), ['/customFields/plan:type']);
  });

  test('keys the category does not define are unknown', () => {
    assert.deepEqual(codes({ invoiceNumber: 'INV-123456', location: 'x' }), [
      '/customFields/location:unknown',
    ]);
  });

  test('a pattern that does not compile is not enforced', () => {
    assert.deepEqual(codes({ invoiceNumber: 'INV-123456', note: 'abc' }), []);
  });

  test('a pattern is read with the u flag when it allows it, else without', () => {
    const check = (pattern: string, value: string) =>
      validateCustomFields([{ key: 'f', type: 'text', required: false, pattern }], {
        f: value,
      }).map((i) => i.code);
    // With 'u', '.' is one character even outside the Basic Multilingual Plane.
    assert.deepEqual(check('.{2}', '𠀀𠀁'), []);
    // '\-' is an error with 'u' and a plain '-' without it.
    assert.deepEqual(check('A\\-B', 'A-B'), []);
    assert.deepEqual(check('A\\-B', 'AB'), ['pattern']);
  });

  test('normalize drops blank values and keeps the rest verbatim', () => {
    assert.deepEqual(normalizeCustomFields({ a: ' <b>x</b> ', b: '', c: null, d: 0, e: '  ' }), {
      a: ' <b>x</b> ',
      d: 0,
    });
  });

  test('dates', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('2024-2-9'), false);
    assert.equal(isIsoDate('2024-04-31'), false);
    assert.equal(isIsoDate('1900-02-29'), false);
    assert.equal(isIsoDate('2000-02-29'), true);
    assert.equal(isIsoDate('0100-01-01'), true);
    assert.equal(isIsoDate('9999-12-31'), true);
    // The years 0000–0099 are not accepted.
    assert.equal(isIsoDate('0050-06-15'), false);
    assert.equal(isIsoDate('0099-12-31'), false);
    assert.equal(isIsoDate('2024-01-01T00:00:00Z'), false);
    assert.equal(isIsoDate(' 2024-01-01'), false);
  });
});
