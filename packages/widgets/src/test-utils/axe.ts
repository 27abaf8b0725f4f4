/**
 * Test helper: runs axe-core (from npm, injected into the test page once) on an element and
 * fails with a readable list of violations. WCAG 2.x A and AA rules.
 */
interface AxeResult {
  violations: Array<{
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: unknown[] }>;
  }>;
}
interface Axe {
  run(context: Element, options: object): Promise<AxeResult>;
}

let loading: Promise<Axe> | undefined;

function loadAxe(): Promise<Axe> {
  const existing = (window as unknown as { axe?: Axe }).axe;
  if (existing) return Promise.resolve(existing);
  loading ??= new Promise<Axe>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve((window as unknown as { axe: Axe }).axe);
    script.onerror = () => reject(new Error('could not load axe-core'));
    document.head.append(script);
  });
  return loading;
}

export async function expectAccessible(element: Element): Promise<void> {
  const axe = await loadAxe();
  const result = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  if (result.violations.length) {
    const lines = result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
    throw new Error(`axe found ${result.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}
