import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadSpec } from '../src/load.js';
import { createSpecValidator } from '../src/validator.js';

const doc = loadSpec();
const validator = createSpecValidator(doc);

interface Found {
  where: string;
  schema: unknown;
  example: unknown;
}

/** Walks the document and collects every example with the schema it illustrates. */
function collectExamples(): Found[] {
  const found: Found[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${where}/${i}`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const isSchema = where.includes('/schema') || where.startsWith('#/components/schemas/');
    if (isSchema && Array.isArray(obj.examples)) {
      obj.examples.forEach((example, i) =>
        found.push({ where: `${where}/examples/${i}`, schema: obj, example }),
      );
    }
    // A media type object: { schema, example } or { schema, examples: { name: { value } } }.
    if ('schema' in obj && 'example' in obj) {
      found.push({ where: `${where}/example`, schema: obj.schema, example: obj.example });
    }
    if ('schema' in obj && obj.examples && !Array.isArray(obj.examples)) {
      for (const [name, ex] of Object.entries(obj.examples as Record<string, { value: unknown }>)) {
        found.push({ where: `${where}/examples/${name}`, schema: obj.schema, example: ex.value });
      }
    }
    for (const [key, value] of Object.entries(obj)) {
      if (key === 'examples' || key === 'example') continue;
      walk(value, `${where}/${key.replace(/\//g, '~1')}`);
    }
  };
  walk(doc.paths, '#/paths');
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    walk(schema, `#/components/schemas/${name}`);
  }
  walk(doc.components.responses, '#/components/responses');
  walk(doc.components.parameters, '#/components/parameters');
  return found;
}

describe('examples in the contract', () => {
  const examples = collectExamples();

  test('there are examples for the main resources', () => {
    assert.ok(examples.length >= 20, `only ${examples.length} examples`);
    for (const name of ['ComplaintCreate', 'ScorecardTemplate', 'KpiReport', 'Customer']) {
      assert.ok(
        examples.some((e) => e.where.startsWith(`#/components/schemas/${name}/examples`)),
        `${name} has no example`,
      );
    }
  });

  test('every example validates against its schema', () => {
    const failures = examples
      .map((e) => ({ ...e, issues: validator.validateAgainst(e.schema, e.example) }))
      .filter((e) => e.issues.length > 0)
      .map((e) => `${e.where}: ${e.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    assert.deepEqual(failures, []);
  });

  test('the validator rejects what the schemas forbid (it can fail)', () => {
    assert.notDeepEqual(validator.validateSchema('Priority', 'whenever'), []);
    assert.notDeepEqual(validator.validateSchema('Customer', { nickname: 'x' }), []);
    assert.notDeepEqual(validator.validateSchema('Timestamp', 'yesterday'), []);
    assert.deepEqual(validator.validateSchema('Timestamp', '2026-11-26T08:30:00Z'), []);
  });
});
