// The generated schemas: no drift from the contract, one per response body, and they accept the
// contract's own examples.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listOperations, loadSpec } from '@cc-kit/spec/load';
import { drifted } from '../scripts/generate-schemas.js';
import * as schemas from '../src/schemas/index.js';
import { validateResponse } from '../src/schemas/index.js';

const doc = loadSpec();

describe('generated schemas', () => {
  test('the committed files equal a fresh generation (run `npm run generate -w @cc-kit/sdk`)', async () => {
    assert.deepEqual(await drifted(), []);
  });

  test('every operation with a JSON or event body has a response schema', () => {
    const expected = listOperations(doc)
      .filter((op) => op.operationId !== 'exportKpis')
      .map((op) => op.operationId)
      .sort();
    assert.deepEqual(Object.keys(schemas.responseSchemas).sort(), expected);
  });

  test("the contract's examples pass their schemas", () => {
    let checked = 0;
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      const build = (schemas as Record<string, unknown>)[name];
      const examples = (schema as { examples?: unknown[] }).examples;
      if (typeof build !== 'function' || !examples) continue;
      for (const example of examples) {
        const result = (
          build as () => { safeParse(v: unknown): { success: boolean; error?: unknown } }
        )().safeParse(example);
        assert.ok(result.success, `${name}: ${JSON.stringify(result.error)}`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `only ${checked} examples checked`);
  });

  test('schemas are built once, on first use', () => {
    assert.equal(schemas.Ticket(), schemas.Ticket());
  });

  test('wrong bodies are reported by JSON pointer without quoting values', () => {
    const issues = validateResponse('getTeam', {
      id: 'team_1',
      name: { en: 'Billing', 'zh-Hans': 123 },
      supervisorId: null,
      memberCount: -1,
      equipmentCheckCadenceDays: 30,
      version: 1,
    });
    assert.deepEqual(
      issues?.map((i) => i.path),
      ['/name/zh-Hans', '/memberCount'],
    );
    assert.ok(issues!.every((i) => !i.message.includes('123')));
    assert.equal(validateResponse('getTeam', { ...minimalTeam }), undefined);
    assert.equal(validateResponse('exportKpis', 'csv'), undefined);
  });

  test('nullable, enum, format, discriminated union and record checks', () => {
    const scale = schemas.CriterionScale();
    assert.ok(scale.safeParse({ type: 'rating', min: 1, max: 5 }).success);
    assert.ok(!scale.safeParse({ type: 'rating', max: 5 }).success);
    assert.ok(!scale.safeParse({ type: 'stars' }).success);
    assert.ok(schemas.Timestamp().safeParse('2026-11-26T08:30:00.123Z').success);
    assert.ok(schemas.Timestamp().safeParse('2026-11-26T16:30:00+08:00').success);
    assert.ok(!schemas.Timestamp().safeParse('2026-11-26 08:30').success);
    assert.ok(schemas.NextCursor().safeParse(null).success);
    assert.ok(!schemas.NextCursor().safeParse(undefined).success);
    const details = schemas.ComplaintDetails().shape.customFields;
    assert.ok(details.safeParse({ invoiceNumber: 'INV-1', amount: 58 }).success);
    assert.ok(!details.safeParse({ flag: true }).success);
  });
});

const minimalTeam = {
  id: 'team_1',
  name: { en: 'Billing' },
  supervisorId: null,
  memberCount: 3,
  equipmentCheckCadenceDays: 30,
  version: 1,
};
