import type { Rule } from 'eslint';

export declare const noOpenExternal: Rule.RuleModule;
export declare const noInsecureWebPreferences: Rule.RuleModule;
export declare const noFileLoading: Rule.RuleModule;
declare const plugin: { rules: Record<string, Rule.RuleModule> };
export default plugin;
