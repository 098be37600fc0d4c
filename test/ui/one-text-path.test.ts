import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every string the TUI draws goes through src/ui/components/safe-text.tsx, which escapes control
 * characters: no other file under src/ui may reach Ink's text output itself.
 */
const uiRoot = fileURLToPath(new URL('../../src/ui', import.meta.url));
const SAFE_TEXT = 'components/safe-text.tsx';
/** What Ink exports that draws a string as it is. */
const DRAWS_TEXT = new Set(['Text', 'Transform', 'Static']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/u.test(entry.name) ? [path] : [];
  });
}

/** The names a file imports from 'ink' ('*' or 'default' for a namespace or default import), and any deep import of ink. */
function inkImports(source: string): { names: string[]; deep: string[] } {
  const names: string[] = [];
  const deep: string[] = [];
  for (const m of source.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+['"](ink(?:\/[^'"]*)?)['"]/gu)) {
    const [, typeOnly, clause = '', from = ''] = m;
    if (from !== 'ink') deep.push(from);
    if (typeOnly) continue;
    const braces = /\{([^}]*)\}/u.exec(clause);
    for (const part of braces?.[1]?.split(',') ?? []) {
      const name = part.trim();
      if (name && !name.startsWith('type ')) names.push(name.split(/\s+as\s+/u)[0] as string);
    }
    const outside = clause.replace(/\{[^}]*\}/u, '').replace(/,/gu, ' ').trim();
    if (outside.startsWith('*')) names.push('*');
    else if (outside) names.push('default');
  }
  for (const m of source.matchAll(/(?:require|import)\(\s*['"](ink[^'"]*)['"]\s*\)/gu)) deep.push(m[1] as string);
  return { names, deep };
}

describe('one path to the screen', () => {
  const files = sources(uiRoot).map((path) => ({ file: relative(uiRoot, path), source: readFileSync(path, 'utf8') }));

  it('finds the UI sources, and the parser sees each form of import', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(inkImports("import { Box, Text as T, type Key } from 'ink';").names).toEqual(['Box', 'Text']);
    expect(inkImports("import * as ink from 'ink';").names).toEqual(['*']);
    expect(inkImports("import ink, { Box } from 'ink';").names).toEqual(['Box', 'default']);
    expect(inkImports("import type { Key } from 'ink';").names).toEqual([]);
    expect(inkImports("const t = await import('ink/build/components/Text.js');").deep).toEqual(['ink/build/components/Text.js']);
  });

  it(`no file under src/ui but ${SAFE_TEXT} draws text with Ink directly`, () => {
    const offenders = files.flatMap(({ file, source }) => {
      if (file === SAFE_TEXT) return [];
      const { names, deep } = inkImports(source);
      const bad = names.filter((n) => DRAWS_TEXT.has(n) || n === '*' || n === 'default');
      const host = /['"]ink-(?:text|virtual-text)['"]/u.test(source) ? ['an ink-text element'] : [];
      return [...bad, ...deep, ...host].map((what) => `${file}: ${what}`);
    });
    expect(offenders).toEqual([]);
  });

  it(`${SAFE_TEXT} makes every string safe before Ink's Text sees it`, () => {
    const safe = files.find((f) => f.file === SAFE_TEXT);
    expect(safe?.source).toMatch(/terminalText\(/u);
    expect(safe?.source).toMatch(/terminalStyledText\(/u);
  });
});
