import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHECK_DUE_WINDOW_DAYS,
  checkDue,
  checkProgress,
  checkSubmitProblems,
  checkSummary,
  findingPriority,
  findingStatus,
  isCheckedStatus,
  isFinding,
  passRate,
} from '../src/equipment.js';

const DAY = 86_400_000;
const last = '2026-11-01T08:00:00.000Z';
const at = (days: number) => new Date(Date.parse(last) + days * DAY);

describe('checkDue', () => {
  const due = (now: Date, cadenceDays = 30) =>
    checkDue({ lastCheckedAt: last, cadenceDays, seatCreatedAt: '2024-01-01T00:00:00Z', now });

  test('due date is the last check plus the cadence', () => {
    assert.equal(due(at(1)).dueAt, '2026-12-01T08:00:00.000Z');
    assert.equal(due(at(1), 14).dueAt, '2026-11-15T08:00:00.000Z');
  });

  test('ok before the window, due within it, overdue after the due date', () => {
    assert.deepEqual(due(at(26.9)), {
      dueAt: '2026-12-01T08:00:00.000Z',
      state: 'ok',
      overdueDays: 0,
    });
    assert.equal(due(at(30 - CHECK_DUE_WINDOW_DAYS)).state, 'due');
    assert.equal(due(at(30)).state, 'due');
    assert.deepEqual(due(new Date(at(30).getTime() + 1)), {
      dueAt: '2026-12-01T08:00:00.000Z',
      state: 'overdue',
      overdueDays: 0,
    });
    assert.equal(due(at(31)).overdueDays, 1);
    assert.equal(due(at(36.5)).overdueDays, 6);
  });

  test('a seat never checked is due since it was created', () => {
    const result = checkDue({
      lastCheckedAt: null,
      cadenceDays: 30,
      seatCreatedAt: '2026-11-20T00:00:00.000Z',
      now: '2026-11-27T12:00:00.000Z',
    });
    assert.deepEqual(result, {
      dueAt: '2026-11-20T00:00:00.000Z',
      state: 'overdue',
      overdueDays: 7,
    });
  });

  test('accepts strings and dates alike', () => {
    assert.deepEqual(
      checkDue({ lastCheckedAt: new Date(last), cadenceDays: 7, seatCreatedAt: last, now: at(2) }),
      checkDue({
        lastCheckedAt: last,
        cadenceDays: 7,
        seatCreatedAt: last,
        now: at(2).toISOString(),
      }),
    );
  });
});

describe('check items', () => {
  const items = [
    { result: 'pass' as const },
    { result: null },
    { result: 'fail' as const, note: '  ' },
    { result: 'missing' as const, note: '耳麦不在工位' },
    { result: 'not_applicable' as const },
    { result: 'missing' as const },
  ];

  test('every item needs a result; fail and missing a note', () => {
    assert.deepEqual(checkSubmitProblems(items), [
      { index: 1, field: 'result', code: 'required' },
      { index: 2, field: 'note', code: 'required' },
      { index: 5, field: 'note', code: 'required' },
    ]);
    assert.deepEqual(checkSubmitProblems([{ result: 'fail', note: 'cable broken' }]), []);
  });

  test('progress and summary', () => {
    assert.deepEqual(checkProgress(items), { total: 6, done: 5 });
    assert.deepEqual(checkSummary(items), { pass: 1, fail: 1, missing: 2, notApplicable: 1 });
  });

  test('pass rate leaves not-applicable items out, null when nothing counts', () => {
    assert.equal(passRate({ pass: 3, fail: 1, missing: 0, notApplicable: 5 }), 0.75);
    assert.equal(passRate({ pass: 0, fail: 0, missing: 0, notApplicable: 2 }), null);
  });

  test('findings: priority and the status they leave', () => {
    assert.equal(isFinding('fail'), true);
    assert.equal(isFinding('not_applicable'), false);
    assert.equal(isFinding(null), false);
    assert.equal(findingPriority('missing'), 'high');
    assert.equal(findingPriority('fail'), 'normal');
    assert.equal(findingStatus('fail'), 'faulty');
    assert.equal(findingStatus('missing'), 'missing');
    assert.equal(isCheckedStatus('retired'), false);
    assert.equal(isCheckedStatus('faulty'), true);
  });
});
