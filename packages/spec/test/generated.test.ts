import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { specPath } from '../src/load.js';

const run = promisify(execFile);
const generatedPath = fileURLToPath(new URL('../src/generated.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

test('the committed types are exactly what openapi-typescript generates from the spec', async () => {
  const ast = await openapiTS(new URL(`file://${specPath}`), { silent: true });
  const expected = astToString(ast);
  const committed = readFileSync(generatedPath, 'utf8');
  // The CLI adds a banner; compare the generated body.
  const body = committed.slice(committed.indexOf('export '));
  assert.ok(
    body.trim() === expected.slice(expected.indexOf('export ')).trim(),
    'src/generated.ts is out of date: run `npm run generate`',
  );
});

test('redocly lint finds no problem in the spec', async () => {
  const bin = fileURLToPath(new URL('../../../node_modules/.bin/redocly', import.meta.url));
  const { stdout, stderr } = await run(bin, ['lint', 'openapi.yaml', '--format=stylish'], {
    cwd: packageDir,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  }).catch((error: { stdout: string; stderr: string }) => {
    assert.fail(`redocly lint failed:\n${error.stdout}\n${error.stderr}`);
  });
  assert.match(stdout + stderr, /Your API description is valid/);
  assert.doesNotMatch(stdout, /^\s+\d+:\d+\s+(warning|error)/m, 'no lint finding at all');
});
