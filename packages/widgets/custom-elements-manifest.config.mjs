// `cem analyze --litelement` for @cc-kit/widgets: reads the JSDoc of each element class
// (@summary, @fires, @csspart, @cssprop, @cssstate, @slot) into custom-elements.json.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/test-utils/**', 'src/loader/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // Tags come from the define files (`define('cc-x', CcX)`), not from the class files.
      name: 'cc-define-tags',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isCallExpression(node) || node.expression.getText?.() !== 'define') return;
        const [tag, ctor] = node.arguments;
        if (!tag || !ctor || !ts.isStringLiteral(tag)) return;
        moduleDoc.exports ??= [];
        moduleDoc.exports.push({
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: ctor.getText(), module: moduleDoc.path },
        });
      },
      packageLinkPhase({ customElementsManifest }) {
        // Point each definition at the module that declares its class, and give classes tagNames.
        const declared = new Map();
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? [])
            if (d.kind === 'class') declared.set(d.name, { mod, d });
        }
        for (const mod of customElementsManifest.modules) {
          for (const e of mod.exports ?? []) {
            if (e.kind !== 'custom-element-definition') continue;
            const found = declared.get(e.declaration.name);
            if (!found) continue;
            e.declaration.module = found.mod.path;
            found.d.tagName = e.name;
            found.d.customElement = true;
          }
        }
      },
    },
  ],
};
