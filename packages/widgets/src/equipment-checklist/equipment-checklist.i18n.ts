/** The equipment checklist's own strings; asset types, results and due states are in the kit catalog. */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'equipmentChecklist.title': 'Equipment check',
  'equipmentChecklist.tab.check': 'Check',
  'equipmentChecklist.tab.overview': 'Due, history and teams',
  'equipmentChecklist.team': 'Team',
  'equipmentChecklist.scope': 'Check',
  'equipmentChecklist.wholeTeam': 'Whole team',
  'equipmentChecklist.seat': (p: { label: string }) => `Seat ${p.label}`,
  'equipmentChecklist.start': 'Start check',
  'equipmentChecklist.never': 'Not checked yet.',
  'equipmentChecklist.last': (p: { date: string; name: string }) =>
    `Last check submitted ${p.date} by ${p.name}.`,
  'equipmentChecklist.draft': (p: { date: string; name: string }) =>
    `Check in progress, started ${p.date} by ${p.name}. Results are saved as you go.`,
  'equipmentChecklist.progress': (p: { done: string; total: string }) =>
    `${p.done} of ${p.total} checked`,
  'equipmentChecklist.allPass': 'All pass',
  'equipmentChecklist.note': 'Note',
  'equipmentChecklist.needResult': 'Choose a result.',
  'equipmentChecklist.needNote': 'Describe the fault or where the item was last seen.',
  'equipmentChecklist.problems': (p: { n: number }) =>
    p.n === 1 ? '1 item needs attention.' : `${p.n} items need attention.`,
  'equipmentChecklist.submit': 'Submit check',
  'equipmentChecklist.saving': 'Saving…',
  'equipmentChecklist.saved': 'All results saved',
  'equipmentChecklist.unsaved': 'Not saved yet; your results are kept on this page.',
  'equipmentChecklist.conflict': 'Someone else saved results on this check in the meantime.',
  'equipmentChecklist.keepMine': 'Keep my results',
  'equipmentChecklist.takeTheirs': 'Load theirs',
  'equipmentChecklist.submitted': (p: { n: number }) =>
    p.n === 0
      ? 'Check submitted. Nothing needs repair.'
      : p.n === 1
        ? 'Check submitted. 1 maintenance work order opened.'
        : `Check submitted. ${p.n} maintenance work orders opened.`,
  'equipmentChecklist.findings': 'Faults and missing items',
  'equipmentChecklist.noFindings': 'Everything passed.',
  'equipmentChecklist.workOrder': (p: { number: string }) => `Work order #${p.number}`,
  'equipmentChecklist.fixed': (p: { date: string }) => `Fixed ${p.date}`,
  'equipmentChecklist.awaiting': 'Awaiting repair',
  'equipmentChecklist.passRate': (p: { value: string }) => `Pass rate ${p.value}`,
  'equipmentChecklist.covers.headset': 'Both earpieces, microphone, cable and plug, ear cushions',
  'equipmentChecklist.covers.phone': 'Dial tone, handset sound, keypad and display',
  'equipmentChecklist.covers.workstation':
    'Starts and signs in, runs at normal speed, keyboard and mouse',
  'equipmentChecklist.covers.monitor':
    'Clear picture with no flicker or dead pixels, stand and cables',
  'equipmentChecklist.covers.softphone_licence':
    'Licence active: the agent can sign in and take a call',
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('equipment-checklist', en, {
  'zh-Hans': () => import('./equipment-checklist.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./equipment-checklist.i18n.zh-Hant.js'),
});
