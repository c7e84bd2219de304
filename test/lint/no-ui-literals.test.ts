import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { noUiLiterals } from '../../eslint-rules/no-ui-literals.mjs';

// Issue 7: UI text lives in en/fr catalogs. This pins what the rule stops (words in JSX, in the
// attributes people read or hear) and what it leaves alone (layout symbols, machine-facing props,
// explained exemptions), so neither a false alarm nor a hole creeps in unnoticed.
const tester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    ecmaVersion: 2022,
    sourceType: 'module',
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

type Id = 'text' | 'attribute' | 'child';
const fails = (code: string, ...ids: Id[]) => ({ code, errors: ids.map((messageId) => ({ messageId })) });

tester.run('no-ui-literals', noUiLiterals, {
  valid: [
    // Text from the catalog, anywhere.
    { code: 'const a = <p title={m.title} aria-label={m.label}>{m.body}</p>;' },
    { code: 'const a = <input placeholder={m.hint(3)} alt={m.alt} />;' },
    // Whitespace and symbol-only text is layout, not language.
    { code: 'const a = <p>{a} · {b} — {c}%: {d}/{e} (…)</p>;' },
    { code: 'const a = <span>\n  {value}\n</span>;' },
    { code: "const a = <span>{' · '}{'—'}{`${a}/${b}`}{n}</span>;" },
    // Digits alone carry no language.
    { code: 'const a = <span>{42} 128/82</span>;' },
    // Machine-facing attributes are never checked.
    {
      code: 'const a = <div className="tile tile--x" id="main" role="status" data-testid="bp-tile" data-grade="good" key="k" />;',
    },
    { code: 'const a = <label htmlFor="operator-name"><a href="#records" /></label>;' },
    { code: 'const a = <input type="text" name="operatorName" autoComplete="off" lang="fr" />;' },
    { code: 'const a = <X testId="device-tile" variant="primary" aria-live="polite" />;' },
    // Non-text expressions in children: calls, identifiers, conditions on catalog entries.
    { code: 'const a = <p>{ok ? m.on : m.off}{busy && m.busy}{format.number(v)}</p>;' },
    // Strings outside JSX are not UI by themselves (errors, keys, test ids).
    { code: "throw new Error('Backend closed');" },
    { code: "const key = 'station'; const t = `${a} b`;" },
    // The escape hatch, with its reason, on the line before.
    {
      code: [
        'const a = (',
        '  <p>',
        '    {/* ui-literal-ok: device model name, the same in every language */}',
        '    Omron M7',
        '  </p>',
        ');',
      ].join('\n'),
    },
    {
      code: [
        'const a = (',
        '  <abbr',
        '    // ui-literal-ok: UCUM unit symbol',
        '    title="mmHg"',
        '  />',
        ');',
      ].join('\n'),
    },
    {
      code: ['const a = (', '  // ui-literal-ok: brand', "  <b>{'Teleconsult'}</b>", ');'].join('\n'),
    },
  ],
  invalid: [
    fails('const a = <p>Save</p>;', 'text'),
    fails('const a = <button>\n  Connect the device\n</button>;', 'text'),
    fails('const a = <p>{n} connectés</p>;', 'text'),
    fails('const a = <span className="unit"> mmHg</span>;', 'text'),
    fails('const a = <><h1>Réglages</h1></>;', 'text'),
    // User-visible attributes, as plain strings or expressions.
    fails('const a = <button aria-label="Close" />;', 'attribute'),
    fails('const a = <div aria-description="Live values" />;', 'attribute'),
    fails("const a = <img alt={'Patient photo'} />;", 'attribute'),
    fails('const a = <input placeholder="Name" />;', 'attribute'),
    fails('const a = <span title={`${n} readings`} />;', 'attribute'),
    fails('const a = <X label="Temperature" />;', 'attribute'),
    fails('const a = <div role="meter" aria-valuetext={`${v} percent`} />;', 'attribute'),
    fails("const a = <i title={ok ? 'On' : 'Off'} />;", 'attribute', 'attribute'),
    // Literal children in expressions, including conditional branches.
    fails("const a = <p>{'Text'}</p>;", 'child'),
    fails('const a = <p>{`${w}×${h} fps`}</p>;', 'child'),
    fails("const a = <p>{ok ? 'Connected' : m.off}</p>;", 'child'),
    fails("const a = <p>{busy && ' · saving'}</p>;", 'child'),
    fails("const a = <p>{name ?? 'Unknown'}</p>;", 'child'),
    // An exemption needs a reason, and must sit on the line just before.
    fails('const a = (\n  <p>\n    {/* ui-literal-ok: */}\n    Omron\n  </p>\n);', 'text'),
    fails('const a = (\n  <p>\n    {/* ui-literal-ok: brand */}\n\n    Omron\n  </p>\n);', 'text'),
    fails('const a = (\n  <p>\n    {/* some other note */}\n    Omron\n  </p>\n);', 'text'),
  ],
});
