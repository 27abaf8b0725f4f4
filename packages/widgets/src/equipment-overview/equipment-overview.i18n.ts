/** The equipment overview's own strings; due states and results are in the kit catalog. */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'equipmentOverview.teams': 'Teams',
  'equipmentOverview.team': 'Team',
  'equipmentOverview.passRate': 'Pass rate',
  'equipmentOverview.openFaults': 'Open faults',
  'equipmentOverview.overdueSeats': 'Seats overdue',
  'equipmentOverview.dueSeats': 'Seats due',
  'equipmentOverview.lastCheck': 'Last check',
  'equipmentOverview.due': 'Seats due or overdue, most overdue first',
  'equipmentOverview.noneDue': 'Every seat is up to date.',
  'equipmentOverview.seat': 'Seat',
  'equipmentOverview.status': 'Status',
  'equipmentOverview.dueAt': 'Due',
  'equipmentOverview.overdueBy': (p: { n: number }) =>
    p.n === 1 ? 'Overdue by 1 day' : `Overdue by ${p.n} days`,
  'equipmentOverview.never': 'Never checked',
  'equipmentOverview.checkNow': (p: { seat: string }) => `Check seat ${p.seat}`,
  'equipmentOverview.history': 'History of a seat',
  'equipmentOverview.noHistory': 'No submitted check has covered this seat yet.',
  'equipmentOverview.checkedBy': (p: { date: string; name: string }) => `${p.date}, ${p.name}`,
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('equipment-overview', en, {
  'zh-Hans': () => import('./equipment-overview.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./equipment-overview.i18n.zh-Hant.js'),
});
