import path from 'node:path';
import { CONFINED_PACKAGES, LAYERS } from './layers.mjs';

/**
 * ESLint rule enforcing the import-boundary table (design §2): resolves each relative import to the
 * src/ layer it lands in, and checks bare package imports against the layer's allowlist and the
 * one-file confinements. The low-ceremony cousin of VS Code's code-layering rule.
 */

function srcRelative(file, srcRoot) {
  const rel = path.relative(srcRoot, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep).join('/');
}

function packageName(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function matches(pattern, spec) {
  if (pattern === 'node:*') return spec.startsWith('node:');
  if (pattern.endsWith('/*')) return spec.startsWith(pattern.slice(0, -1));
  return spec === pattern;
}

export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the per-folder runtime-environment import table of design §2.' },
    schema: [],
    messages: {
      layer: "'{{from}}' may not import from src/{{to}} (allowed: {{allowed}}).",
      outside: "'{{from}}' may not import '{{spec}}': it resolves outside src/.",
      package: "'{{from}}' may not import package '{{spec}}' (allowed here: {{allowed}}).",
      confined: "'{{spec}}' may only be imported at runtime by {{files}}; use 'import type' elsewhere.",
    },
  },
  create(context) {
    const srcRoot = path.join(context.cwd, 'src');
    const file = srcRelative(context.filename, srcRoot);
    if (file === null) return {};
    const layer = file.split('/')[0];
    const rules = LAYERS[layer];
    if (!rules) return {};

    function check(node, spec, typeOnly) {
      if (spec.startsWith('.')) {
        const target = srcRelative(path.resolve(path.dirname(context.filename), spec), srcRoot);
        if (target === null) {
          context.report({ node, messageId: 'outside', data: { from: file, spec } });
          return;
        }
        const targetLayer = target.split('/')[0];
        if (targetLayer !== layer && !rules.layers.includes(targetLayer)) {
          const allowed = rules.layers.length ? rules.layers.join(', ') : 'none';
          context.report({ node, messageId: 'layer', data: { from: file, to: targetLayer, allowed } });
        }
        return;
      }
      const allowedHere = rules.packages.some((p) => matches(p, spec) || matches(p, packageName(spec)));
      if (!allowedHere) {
        const allowed = rules.packages.length ? rules.packages.join(', ') : 'none';
        context.report({ node, messageId: 'package', data: { from: file, spec, allowed } });
        return;
      }
      if (typeOnly) return;
      for (const [pattern, files] of Object.entries(CONFINED_PACKAGES)) {
        if ((matches(pattern, spec) || matches(pattern, packageName(spec))) && !files.includes(file)) {
          context.report({ node, messageId: 'confined', data: { spec, files: files.join(', ') } });
          return;
        }
      }
    }

    return {
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === 'type' ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        check(node, node.source.value, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') {
          check(node, node.source.value, false);
        }
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          const arg = node.arguments[0];
          if (arg && arg.type === 'Literal' && typeof arg.value === 'string') check(node, arg.value, false);
        }
      },
    };
  },
};

export default { rules: { 'import-boundaries': importBoundaries } };
