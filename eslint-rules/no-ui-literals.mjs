/**
 * `no-ui-literals`: every word the station shows or announces comes from a catalog
 * (`defineMessages` in src/shared/i18n, read with `useMessages`), so French and English stay
 * complete side by side (issue 7). A literal in JSX is text only one language will ever read.
 *
 * Reported, in JSX only:
 * - JSX text with a letter in it (`<p>Save</p>`); whitespace and symbol-only text (`·`, `—`, `%`,
 *   `:`, `/`) is layout, not language, and passes;
 * - a string or template literal with a letter given to an attribute a person reads or hears
 *   (`aria-label`, `title`, `alt`, `placeholder`, `label`, …);
 * - a string or template literal with a letter as a child expression (`{'Save'}`), including either
 *   branch of `cond ? 'On' : 'Off'` and the right of `cond && 'Text'`.
 * Attributes not in the list (`className`, `id`, `htmlFor`, `type`, `role`, `href`, `key`,
 * `data-*`, `testId`…) are machine-facing and never checked.
 *
 * Escape hatch, for what is the same in every language (a unit, a device's model name): a comment
 * `ui-literal-ok: <reason>` on the line just before — `// …` between attributes, `{/* … *\/}` among
 * children. The reason is required: an exemption nobody can explain is a bug waiting.
 */

/** Attributes whose value is read on screen or by a screen reader. */
const USER_VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'title',
  'alt',
  'placeholder',
  'label',
]);

const LETTER = /\p{L}/u;
const ESCAPE_HATCH = /^\s*ui-literal-ok:\s*\S/;

function hasLetter(text) {
  return typeof text === 'string' && LETTER.test(text);
}

/** The literal parts of an expression that would end up as text: itself or its branches. */
function textLiterals(node) {
  switch (node.type) {
    case 'Literal':
      return hasLetter(node.value) ? [node] : [];
    case 'TemplateLiteral':
      return node.quasis.some((quasi) => hasLetter(quasi.value.cooked)) ? [node] : [];
    case 'ConditionalExpression':
      return [...textLiterals(node.consequent), ...textLiterals(node.alternate)];
    case 'LogicalExpression':
      // `a && 'x'` shows 'x'; `a ?? 'x'` and `a || 'x'` show either side.
      return node.operator === '&&'
        ? textLiterals(node.right)
        : [...textLiterals(node.left), ...textLiterals(node.right)];
    default:
      return [];
  }
}

function attributeName(node) {
  return node.name.type === 'JSXIdentifier' ? node.name.name : null;
}

export const noUiLiterals = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid hard-coded UI text in JSX: it belongs in an en/fr message catalog' },
    schema: [],
    messages: {
      text: 'Hard-coded UI text "{{text}}": move it to the feature’s *-messages.ts catalog (English and French).',
      attribute:
        'Hard-coded `{{name}}` text: move it to the feature’s *-messages.ts catalog (English and French).',
      child:
        'Hard-coded UI text in a JSX expression: move it to the feature’s *-messages.ts catalog (English and French).',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    /** Lines whose next line is exempted by a `ui-literal-ok: <reason>` comment ending on them. */
    const exemptingLines = new Set(
      sourceCode
        .getAllComments()
        .filter((comment) => ESCAPE_HATCH.test(comment.value.replace(/^\*+/, '')))
        .map((comment) => comment.loc.end.line),
    );
    const exempt = (line) => exemptingLines.has(line - 1);

    const reportLiterals = (expression, messageId, data) => {
      for (const literal of textLiterals(expression))
        if (!exempt(literal.loc.start.line)) context.report({ node: literal, messageId, data });
    };

    return {
      JSXText(node) {
        if (!hasLetter(node.value)) return;
        // The text node starts where the previous tag ends; what matters is the line of its words.
        const firstWord = node.range[0] + node.value.search(/\S/);
        const line = sourceCode.getLocFromIndex(firstWord).line;
        if (exempt(line)) return;
        const text = node.value.trim().replace(/\s+/g, ' ');
        context.report({
          node,
          messageId: 'text',
          data: { text: text.length > 40 ? `${text.slice(0, 39)}…` : text },
        });
      },
      JSXAttribute(node) {
        const name = attributeName(node);
        if (name === null || !USER_VISIBLE_ATTRIBUTES.has(name) || node.value === null) return;
        const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        const line = node.loc.start.line;
        for (const literal of textLiterals(value))
          if (!exempt(line) && !exempt(literal.loc.start.line))
            context.report({ node: literal, messageId: 'attribute', data: { name } });
      },
      JSXExpressionContainer(node) {
        const parent = node.parent;
        if (parent.type !== 'JSXElement' && parent.type !== 'JSXFragment') return;
        reportLiterals(node.expression, 'child', {});
      },
    };
  },
};

export default { rules: { 'no-ui-literals': noUiLiterals } };
