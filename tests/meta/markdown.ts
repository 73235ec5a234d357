// Reads the code examples of a rule doc: fenced ```ts / ```js blocks that follow a line starting
// with ❌ or ✅ (Examples section) or a **Before** / **After** line (Codemod section).
// A fence may carry JSON after the language: ```ts settings={...} options=[...] filename=x.cjs

export type ExampleKind = 'invalid' | 'valid' | 'before' | 'after';

export interface DocExample {
  kind: ExampleKind;
  /** 1-based line of the opening fence. */
  line: number;
  /** Heading (## level) the block sits under. */
  section: string;
  language: 'ts' | 'js';
  code: string;
  settings?: Record<string, unknown>;
  options?: unknown[];
  filename?: string;
}

const FENCE = /^```(\w+)?(.*)$/;

function parseMeta(meta: string, line: number): Pick<DocExample, 'settings' | 'options' | 'filename'> {
  const result: Pick<DocExample, 'settings' | 'options' | 'filename'> = {};
  const pattern = /(settings|options|filename)=(\S+)/g;
  for (const [, key, value] of meta.matchAll(pattern)) {
    if (key === 'filename') result.filename = value;
    else {
      try {
        (result as Record<string, unknown>)[key!] = JSON.parse(value!);
      } catch {
        throw new Error(`line ${line}: ${key}= is not JSON: ${value}`);
      }
    }
  }
  return result;
}

export function extractExamples(markdown: string): { examples: DocExample[]; unmarked: number[] } {
  const lines = markdown.split(/\r?\n/);
  const examples: DocExample[] = [];
  const unmarked: number[] = [];
  let pending: ExampleKind | undefined;
  let section = '';
  for (let i = 0; i < lines.length; i += 1) {
    const text = lines[i]!;
    if (text.startsWith('## ')) section = text.slice(3).trim();
    if (text.startsWith('❌')) pending = 'invalid';
    else if (text.startsWith('✅')) pending = 'valid';
    else if (/^\*\*Before\*\*/.test(text)) pending = 'before';
    else if (/^\*\*After\*\*/.test(text)) pending = 'after';

    const fence = FENCE.exec(text);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !lines[i]!.startsWith('```'); i += 1) body.push(lines[i]!);
    const language = fence[1];
    if (language === 'ts' || language === 'js') {
      if (pending) {
        examples.push({
          kind: pending,
          line: start + 1,
          section,
          language,
          code: `${body.join('\n')}\n`,
          ...parseMeta(fence[2] ?? '', start + 1),
        });
      } else if (section === 'Examples') {
        unmarked.push(start + 1);
      }
    }
    pending = undefined;
  }
  return { examples, unmarked };
}
