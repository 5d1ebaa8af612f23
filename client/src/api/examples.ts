import readme from '../../../README.md?raw';

/** One example query of the README's API guide. */
export interface Example {
  /** The README's own description (English). */
  title: string;
  query: string;
}

/**
 * The numbered examples under "### Example queries" in README.md: a line `N. Description:`
 * followed by a ```graphql block. Reading the README itself keeps the explorer and the
 * integrators' guide from drifting apart.
 */
export function parseExamples(markdown: string): Example[] {
  const start = markdown.search(/^### Example queries\s*$/m);
  if (start < 0) return [];
  const rest = markdown.slice(start).replace(/^### Example queries\s*$/m, '');
  const end = rest.search(/^#{1,3} /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const examples: Example[] = [];
  const pattern = /^[ \t]*\d+\.[ \t]+(.+?)[ \t]*$[\s\S]*?^([ \t]*)```graphql[ \t]*$([\s\S]*?)^[ \t]*```[ \t]*$/gm;
  for (const match of section.matchAll(pattern)) {
    const indent = match[2]!.length;
    const query = match[3]!
      .split('\n')
      .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
      .join('\n')
      .trim();
    examples.push({ title: match[1]!.replace(/:$/, ''), query });
  }
  return examples;
}

export const examples: Example[] = parseExamples(readme);
