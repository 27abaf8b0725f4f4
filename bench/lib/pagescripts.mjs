// The benchmark pages' scripts, bundled with esbuild: the ticket queue (from the repository's
// sources) and AG Grid Community and Tabulator showing the same tickets with equivalent columns.
import { join } from 'node:path';
import { build } from 'esbuild';
import { BENCH, REPO } from './paths.mjs';

/** Marks window.__bench.firstRows at the first animation frame where `check()` holds. */
const WATCH = `
window.__bench = {};
function watch(check) {
  const tick = () => (check() ? (window.__bench.firstRows = performance.now()) : requestAnimationFrame(tick));
  requestAnimationFrame(tick);
}
window.__scroller = () => null;
`;

const COLUMNS = `const COLUMNS = [
  { field: 'number', title: 'No.' },
  { field: 'subject', title: 'Subject' },
  { field: 'kind', title: 'Kind' },
  { field: 'state', title: 'State' },
  { field: 'priority', title: 'Priority' },
  { field: 'assigneeId', title: 'Assignee' },
  { field: 'sla.dueAt', title: 'SLA due' },
  { field: 'updatedAt', title: 'Updated' },
];`;

export const SOURCES = {
  queue: `${WATCH}
import '@cc-kit/widgets/define/cc-provider.ts';
import '@cc-kit/widgets/define/cc-ticket-queue.ts';
const token = new URLSearchParams(location.search).get('token');
const provider = document.createElement('cc-provider');
provider.baseUrl = location.origin;
provider.getToken = async () => token;
const queue = document.createElement('cc-ticket-queue');
provider.append(queue);
document.getElementById('grid').append(provider);
watch(() => queue.shadowRoot?.querySelector('.body [role=row]'));
window.__scroller = () => queue.shadowRoot?.querySelector('.scroller');
window.__rows = () => queue.shadowRoot?.querySelectorAll('.body [role=row]').length ?? 0;
`,
  aggrid: `${WATCH}${COLUMNS}
import { AllCommunityModule, ModuleRegistry, createGrid } from 'ag-grid-community';
ModuleRegistry.registerModules([AllCommunityModule]);
const el = document.getElementById('grid');
const rows = await (await fetch('/tickets.json')).json();
createGrid(el, { columnDefs: COLUMNS.map((c) => ({ field: c.field, headerName: c.title })), rowData: rows });
watch(() => el.querySelector('.ag-row'));
// AG Grid's own vertical scroller (its class names change between versions).
window.__scroller = () =>
  [...el.querySelectorAll('*')].find(
    (e) => e.scrollHeight > e.clientHeight + 10 && /auto|scroll/.test(getComputedStyle(e).overflowY),
  );
window.__rows = () => el.querySelectorAll('.ag-row').length;
`,
  tabulator: `${WATCH}${COLUMNS}
import { TabulatorFull as Tabulator } from 'tabulator-tables';
import css from 'tabulator-tables/dist/css/tabulator.min.css';
const style = document.createElement('style');
style.textContent = css;
document.head.append(style);
const el = document.getElementById('grid');
const rows = await (await fetch('/tickets.json')).json();
new Tabulator(el, { data: rows, height: '448px', layout: 'fitColumns', columns: COLUMNS });
watch(() => el.querySelector('.tabulator-row'));
window.__scroller = () => el.querySelector('.tabulator-tableholder');
window.__rows = () => el.querySelectorAll('.tabulator-row').length;
`,
};

export async function bundlePage(name) {
  const result = await build({
    stdin: { contents: SOURCES[name], resolveDir: BENCH, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'error',
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'text' },
    tsconfig: join(REPO, 'tsconfig.base.json'),
    outdir: '/tmp/cc-bench-out',
  });
  return result.outputFiles.find((f) => f.path.endsWith('.js')).text;
}
