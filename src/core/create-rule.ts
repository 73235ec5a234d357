import { ESLintUtils } from '@typescript-eslint/utils';

export const REPOSITORY_URL = 'https://github.com/trace-context/eslint-plugin-trace-context';

/** Docs fields every rule of this plugin declares. */
export interface TraceContextDocs {
  description: string;
  recommended?: boolean;
  /** The tracing mode (1–7) the rule belongs to. */
  mode: number;
}

export const createRule = ESLintUtils.RuleCreator<TraceContextDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
