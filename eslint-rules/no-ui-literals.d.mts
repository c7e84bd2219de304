import type { Rule } from 'eslint';

export declare const noUiLiterals: Rule.RuleModule;
declare const plugin: { rules: { 'no-ui-literals': Rule.RuleModule } };
export default plugin;
