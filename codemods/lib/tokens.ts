/**
 * The cheap exit: each rule's catalog names the tokens it can ever match (module names, global
 * APIs, decorator names). A file that mentions none of them cannot be reported, so the codemod
 * skips it without parsing.
 *
 * Tokens are read from the rule object (`meta.docs.tokens` or `meta.tokens`) or from
 * `src/modes/index`'s `ruleTokens` map. Missing tokens mean "no cheap exit": the file is linted.
 */
import { plugin } from './plugin';

type TokenSource = { meta?: { tokens?: unknown; docs?: { tokens?: unknown } } };

function asTokenList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((token) => typeof token === 'string' && token !== '') ? (value as string[]) : undefined;
}

let modeTokens: Record<string, unknown> | null | undefined;

function loadModeTokens(): Record<string, unknown> | null {
  if (modeTokens !== undefined) return modeTokens;
  try {
    // Optional module: absent until a mode exports its catalog tokens.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('../../src/modes/index') as { ruleTokens?: unknown };
    const map = mod.ruleTokens;
    modeTokens = typeof map === 'object' && map !== null ? (map as Record<string, unknown>) : null;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    // Only the optional module itself may be missing; anything else is a real error.
    if (code !== 'MODULE_NOT_FOUND' || !message.split('\n')[0].includes('modes/index')) throw error;
    modeTokens = null;
  }
  return modeTokens;
}

/** The tokens a rule can match, or `undefined` when the rule does not declare them. */
export function getRuleTokens(name: string, from: { rules: Record<string, unknown> } = plugin): string[] | undefined {
  const rule = (from.rules as Record<string, TokenSource | undefined>)[name];
  const declared = asTokenList(rule?.meta?.docs?.tokens) ?? asTokenList(rule?.meta?.tokens);
  if (declared || from !== plugin) return declared;
  return asTokenList(loadModeTokens()?.[name]);
}

/** True when the rule may report something in `source` (it declares no tokens, or one occurs). */
export function mayReport(name: string, source: string, from: { rules: Record<string, unknown> } = plugin): boolean {
  const tokens = getRuleTokens(name, from);
  return tokens === undefined || tokens.some((token) => source.includes(token));
}
