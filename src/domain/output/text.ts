import { isDict, pyStr, sortKeys } from './python-values.js';

/**
 * AWS CLI `--output text` (awscli/text.py): a dict's scalar values on one line, tab-separated,
 * keys sorted; nested lists and dicts follow on their own lines, prefixed with their key in
 * upper case; a bare scalar on its own line (null prints as None).
 */
export function formatText(value: unknown): string {
  const out: string[] = [];
  formatItem(value, out, undefined, undefined);
  return out.join('');
}

function formatItem(item: unknown, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (isDict(item)) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(`${pyStr(item)}\n`);
}

const isNonScalar = (v: unknown): boolean => Array.isArray(v) || isDict(v);

function formatList(items: unknown[], out: string[], identifier: string | undefined): void {
  if (items.length === 0) return;
  if (items.some(isDict)) {
    const allKeys = allScalarKeys(items);
    for (const element of items) formatItem(element, out, identifier, allKeys);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter((el) => !isNonScalar(el));
    const nonScalars = items.filter(isNonScalar);
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const nonScalar of nonScalars) formatItem(nonScalar, out, identifier, undefined);
  } else {
    formatScalarList(items, out, identifier);
  }
}

function formatScalarList(elements: unknown[], out: string[], identifier: string | undefined): void {
  if (identifier !== undefined) {
    for (const item of elements) out.push(`${identifier.toUpperCase()}\t${pyStr(item)}\n`);
  } else {
    out.push(`${elements.map(pyStr).join('\t')}\n`);
  }
}

function formatDict(item: Record<string, unknown>, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  const { scalars, nonScalars } = partitionDict(item, scalarKeys);
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const [key, value] of nonScalars) formatItem(value, out, key, undefined);
}

function allScalarKeys(items: unknown[]): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (!isDict(item)) continue;
    for (const [key, value] of Object.entries(item)) if (!isNonScalar(value)) seen.add(key);
  }
  return sortKeys(seen);
}

function partitionDict(item: Record<string, unknown>, scalarKeys: string[] | undefined): { scalars: string[]; nonScalars: [string, unknown][] } {
  const scalars: string[] = [];
  const nonScalars: [string, unknown][] = [];
  if (scalarKeys === undefined) {
    for (const key of sortKeys(Object.keys(item))) {
      const value = item[key];
      if (isNonScalar(value)) nonScalars.push([key, value]);
      else scalars.push(pyStr(value));
    }
  } else {
    for (const key of scalarKeys) scalars.push(key in item ? pyStr(item[key]) : '');
    const known = new Set(scalarKeys);
    for (const key of sortKeys(Object.keys(item).filter((k) => !known.has(k)))) nonScalars.push([key, item[key]]);
  }
  return { scalars, nonScalars };
}
