#!/usr/bin/env node
// `npm run bench` — measures cc-kit beside what a user would pick instead, in the same run, and
// writes bench/results/<date>.md and .json. `npm run bench -- --quick` runs a ~1 minute subset
// (no million-row database). `--only=sizes,queue` runs some measurements; `--runs=n` overrides
// the number of repeated runs. See docs/performance.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ensureInstalled } from './lib/install.mjs';
import { machine, versions } from './lib/machine.mjs';
import { BENCH } from './lib/paths.mjs';
import { renderMarkdown } from './lib/report.mjs';
import { parseArgs, summarize } from './lib/stats.mjs';

// The million-row database is needed last (server, http): a first run generates it meanwhile.
const MEASUREMENTS = ['sizes', 'queue', 'boot', 'sdk', 'live', 'server', 'http'];

const args = parseArgs(process.argv.slice(2));
const log = (...a) => console.log(...a);
const installMs = args.noInstall ? 0 : ensureInstalled(log);
const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const started = Date.now();
const ctx = {
  quick: args.quick,
  runs: args.runs ?? (args.quick ? 2 : 5),
  chromiumPath,
  log,
};

const result = {
  date: new Date().toISOString(),
  quick: args.quick,
  runs: ctx.runs,
  machine: machine(),
  versions: versions(chromiumPath),
  installSeconds: installMs / 1000,
  sections: [],
};

function write() {
  result.machine.loadEnd = os.loadavg();
  result.tookSeconds = (Date.now() - started) / 1000;
  const stamp = result.date.slice(0, 16).replace(':', '');
  const dir = join(BENCH, 'results', args.quick ? 'tmp' : '');
  mkdirSync(dir, { recursive: true });
  base = join(dir, `${stamp}${args.quick ? '-quick' : ''}`);
  const sections = installMs
    ? [
        {
          name: 'install',
          title: 'Install of the comparison packages',
          notes: [
            `bench/ dependencies installed on this run in ${(installMs / 1000).toFixed(0)} s.`,
          ],
        },
        ...result.sections,
      ]
    : result.sections;
  const out = { ...result, sections };
  writeFileSync(`${base}.json`, `${JSON.stringify(out, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${renderMarkdown(out)}\n`);
}
let base = '';

for (const name of args.only ?? MEASUREMENTS) {
  if (!MEASUREMENTS.includes(name)) throw new Error(`unknown measurement ${name}`);
  const mod = await import(`./measure/${name}.mjs`);
  log(`\n== ${mod.title} ==`);
  const t0 = performance.now();
  let section;
  try {
    section = await mod.run(ctx);
  } catch (error) {
    console.error(error);
    section = { error: String(error?.message ?? error).split('\n')[0] };
  }
  section.name = name;
  section.title = mod.title;
  section.seconds = (performance.now() - t0) / 1000;
  // Samples become median / range / spread.
  section.metrics = (section.metrics ?? []).map((m) =>
    m.samples ? { name: m.name, unit: m.unit, ...summarize(m.samples), samples: m.samples } : m,
  );
  for (const m of section.metrics) log(`  ${m.name}: ${m.median?.toFixed?.(2)} ${m.unit ?? ''}`);
  for (const g of section.goals ?? [])
    log(`  goal ${g.label}: ${g.value} (target ${g.target}) ${g.ok ? 'met' : 'NOT met'}`);
  log(`  (${section.seconds.toFixed(0)} s)`);
  result.sections.push(section);
  write(); // what is measured so far survives an interrupted run
}

write();
log(`\nwrote ${base}.md and .json`);
