/**
 * The contract against the OWASP API Security Top 10 (2023) Spectral ruleset (.spectral.yaml at
 * the repository root): no error, and none of the resource-limit rules (unbounded strings,
 * integers, arrays) may fire on anything a client sends — parameters, request bodies and every
 * schema they reference. What the ruleset turns off is justified in docs/security.md.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { listOperations, loadSpec } from '@cc-kit/spec/load';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LIMIT_RULES = new Set([
  'owasp:api4:2023-string-limit',
  'owasp:api4:2023-integer-limit',
  'owasp:api4:2023-array-limit',
]);

interface Finding {
  code: string;
  severity: number;
  path: (string | number)[];
  message: string;
}

/** Names of the component schemas a request can carry (parameters, bodies, and what they use). */
function requestSchemas(): Set<string> {
  const doc = loadSpec();
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') {
        const match = /^#\/components\/schemas\/(.+)$/.exec(inner);
        if (match && !names.has(match[1]!)) {
          names.add(match[1]!);
          visit(doc.components.schemas[match[1]!]);
        }
      } else visit(inner);
    }
  };
  for (const op of listOperations()) {
    visit(op.parameters);
    visit(op.requestBody);
  }
  return names;
}

describe('Spectral, OWASP API security ruleset', () => {
  test('no errors; no unbounded string, integer or array in any request', (t) => {
    const run = spawnSync(
      process.execPath,
      [
        `${root}node_modules/@stoplight/spectral-cli/dist/index.js`,
        'lint',
        'packages/spec/openapi.yaml',
        '--format',
        'json',
        '--quiet',
      ],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    assert.ok(run.stdout.trim().startsWith('['), `spectral ran: ${run.stderr} ${run.stdout}`);
    const findings = JSON.parse(run.stdout) as Finding[];
    const errors = findings.filter((f) => f.severity === 0);
    const inRequests = requestSchemas();
    const requestSide = findings.filter((f) => {
      if (!LIMIT_RULES.has(f.code)) return false;
      const [a, b, , d] = f.path;
      if (a === 'paths')
        return d === 'parameters' || d === 'requestBody' || f.path[2] === 'parameters';
      if (a === 'components') {
        if (b === 'parameters' || b === 'requestBodies') return true;
        if (b === 'schemas') return inRequests.has(String(f.path[2]));
      }
      return false;
    });
    const counts: Record<string, number> = {};
    for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
    t.diagnostic(
      `spectral: ${errors.length} errors, ${findings.length - errors.length} warnings ` +
        `(${JSON.stringify(counts)}); ${requestSide.length} limit findings in requests ` +
        `(${inRequests.size} schemas reach requests)`,
    );
    const show = (list: Finding[]) =>
      list
        .slice(0, 20)
        .map((f) => `${f.code} at ${f.path.join('/')}: ${f.message}`)
        .join('\n');
    assert.equal(errors.length, 0, show(errors));
    assert.equal(requestSide.length, 0, show(requestSide));
  });
});
