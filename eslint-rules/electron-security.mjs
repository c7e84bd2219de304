/**
 * Electron security checklist items that a lint rule can hold everywhere in src/, whatever file a
 * future change adds (test/main/shell-invariants.test.ts checks src/main by text as a second line).
 *
 * - `no-open-external` (item 15): the station never hands a URL to the OS. Consultant links are
 *   shown as text and QR codes; a link that reached `shell.openExternal` could launch any handler
 *   the OS knows (`smb:`, `ms-msdt:`…). If one is ever needed, it goes through one vetted helper and
 *   this rule gets an exception for that file only.
 * - `no-insecure-web-preferences` (items 2–4, 6, 8–11): a literal that turns an isolation flag the
 *   wrong way, wherever it is written.
 * - `no-file-loading` (items 1, 18): the bundle is served from app://station, never file://.
 */

const INSECURE_VALUES = new Map([
  ['nodeIntegration', true],
  ['nodeIntegrationInWorker', true],
  ['nodeIntegrationInSubFrames', true],
  ['contextIsolation', false],
  ['sandbox', false],
  ['webSecurity', false],
  ['allowRunningInsecureContent', true],
  ['experimentalFeatures', true],
  ['webviewTag', true],
  ['enableRemoteModule', true],
]);
/** Present at all is the problem, whatever the value. */
const FORBIDDEN_KEYS = new Set(['enableBlinkFeatures']);

function propertyName(node) {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'Literal') return String(node.value);
  return null;
}

export const noOpenExternal = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid shell.openExternal and importing `shell` from electron' },
    schema: [],
    messages: {
      call: 'shell.openExternal would hand a URL to the OS: the station opens no external links (SECURITY.md, item 15).',
      shell: "Importing `shell` from 'electron': the station opens no external links (SECURITY.md, item 15).",
    },
  },
  create(context) {
    return {
      MemberExpression(node) {
        if (!node.computed && node.property.type === 'Identifier' && node.property.name === 'openExternal')
          context.report({ node, messageId: 'call' });
        if (node.computed && node.property.type === 'Literal' && node.property.value === 'openExternal')
          context.report({ node, messageId: 'call' });
      },
      ImportDeclaration(node) {
        if (node.source.value !== 'electron') return;
        for (const specifier of node.specifiers)
          if (specifier.type === 'ImportSpecifier' && propertyName(specifier.imported) === 'shell')
            context.report({ node: specifier, messageId: 'shell' });
      },
    };
  },
};

export const noInsecureWebPreferences = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid literal webPreferences values that weaken isolation' },
    schema: [],
    messages: {
      insecure:
        '`{{key}}: {{value}}` weakens the renderer isolation (Electron security checklist; SECURITY.md).',
      forbidden: '`{{key}}` must not be set at all (Electron security checklist; SECURITY.md).',
    },
  },
  create(context) {
    return {
      Property(node) {
        const key = node.computed ? null : propertyName(node.key);
        if (key === null) return;
        if (FORBIDDEN_KEYS.has(key)) {
          context.report({ node, messageId: 'forbidden', data: { key } });
          return;
        }
        if (!INSECURE_VALUES.has(key) || node.value.type !== 'Literal') return;
        if (node.value.value === INSECURE_VALUES.get(key))
          context.report({ node, messageId: 'insecure', data: { key, value: String(node.value.value) } });
      },
    };
  },
};

export const noFileLoading = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid loadFile and file:// URLs in the Electron shell' },
    schema: [],
    messages: {
      loadFile: 'loadFile gives the page a file:// origin: load APP_ENTRY_URL (app://station) instead.',
      fileUrl: 'A file:// URL in the shell: the bundle is served from app://station only.',
    },
  },
  create(context) {
    const checkString = (node, value) => {
      if (typeof value === 'string' && /^file:\/\//i.test(value))
        context.report({ node, messageId: 'fileUrl' });
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          !callee.computed &&
          propertyName(callee.property) === 'loadFile'
        )
          context.report({ node, messageId: 'loadFile' });
      },
      Literal(node) {
        checkString(node, node.value);
      },
      TemplateElement(node) {
        checkString(node, node.value.cooked);
      },
    };
  },
};

export default {
  rules: {
    'no-open-external': noOpenExternal,
    'no-insecure-web-preferences': noInsecureWebPreferences,
    'no-file-loading': noFileLoading,
  },
};
