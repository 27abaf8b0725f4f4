// Renders a result object as the Markdown report (pure).

const fmt = (x, digits) => {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  if (digits !== undefined) return x.toFixed(digits);
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
};
export const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

function table(head, rows) {
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows)
    lines.push(`| ${r.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`);
  return lines.join('\n');
}

function metricRows(metrics) {
  return metrics.map((m) => [
    m.name,
    m.unit ?? '',
    fmt(m.median),
    m.n > 1 ? `${fmt(m.min)}–${fmt(m.max)}` : '',
    m.n > 1 ? `${(m.spread * 100).toFixed(0)} %` : '',
    m.n,
  ]);
}

export function renderMarkdown(result) {
  const out = [];
  out.push(`# cc-kit benchmark, ${result.date}${result.quick ? ' (quick subset)' : ''}`, '');
  const m = result.machine;
  out.push(
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}; load average at start ${m.loadStart.map((x) => x.toFixed(1)).join(' / ')}, at end ${(m.loadEnd ?? []).map((x) => x.toFixed(1)).join(' / ')}. ` +
      `Runs per measurement: ${result.runs}. Took ${fmt(result.tookSeconds, 0)} s.`,
    '',
  );
  out.push(
    `Versions: ${Object.entries(result.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
  );
  const goals = result.sections.flatMap((s) => s.goals ?? []);
  if (goals.length) {
    out.push('## Goals', '');
    out.push(
      table(
        ['goal', 'measured', 'target', ''],
        goals.map((g) => [
          g.label,
          g.value,
          g.target,
          g.ok === undefined ? '' : g.ok ? 'met' : '**not met**',
        ]),
      ),
      '',
    );
  }
  for (const s of result.sections) {
    out.push(`## ${s.title}`, '');
    if (s.error) out.push(`Failed: \`${s.error}\``, '');
    if (s.metrics?.length) {
      out.push(
        table(['measurement', 'unit', 'median', 'range', 'spread', 'runs'], metricRows(s.metrics)),
        '',
      );
    }
    for (const t of s.tables ?? []) {
      if (t.title) out.push(`**${t.title}**`, '');
      out.push(table(t.head, t.rows), '');
    }
    for (const b of s.blocks ?? []) {
      if (b.title) out.push(`**${b.title}**`, '');
      out.push('```', b.text.trimEnd(), '```', '');
    }
    for (const n of s.notes ?? []) out.push(`- ${n}`);
    if (s.notes?.length) out.push('');
  }
  return out.join('\n');
}
