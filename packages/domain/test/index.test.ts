import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as domain from '../src/index.js';

const srcDir = new URL('../src/', import.meta.url);

describe('package entry', () => {
  test('re-exports every module’s public names', () => {
    for (const name of [
      'ROLES',
      'canSeePersonalData',
      'maskName',
      'TICKET_MACHINES',
      'nextState',
      'complaintCloseBlockers',
      'computeSla',
      'addBusinessSeconds',
      'businessSecondsBetween',
      'splitDuration',
      'scoreEvaluation',
      'validateAnswers',
      'validateTemplate',
      'calibrationDeviation',
      'KPI_METRICS',
      'kpiServiceLevel',
      'kpiStatus',
      'METRIC_UNITS',
      'METRIC_DIRECTIONS',
      'erlangC',
      'agentsNeeded',
      'serviceLevel',
      'averageSpeedOfAnswer',
      'occupancy',
      'trafficIntensity',
    ]) {
      assert.ok(name in domain, name);
    }
  });

  test('runs anywhere: no imports outside the package, no Node or DOM APIs, relative imports end in .js', () => {
    for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(new URL(file, srcDir), 'utf8');
      for (const match of text.matchAll(/from '([^']+)'/g)) {
        const specifier = match[1]!;
        assert.ok(specifier.startsWith('./') && specifier.endsWith('.js'), `${file}: ${specifier}`);
      }
      assert.doesNotMatch(text, /\b(process|require|window|document|Buffer)\b\s*[.(]/, file);
      assert.doesNotMatch(text, /\bclass\s/, file);
    }
  });
});
