import { AppError } from './errors.js';

export const MAX_CLUSTER_IDS = 20;
export const MAX_CLUSTER_ID_LENGTH = 63;

const ID_RULES_HINT = `Cluster IDs are 1 to ${MAX_CLUSTER_ID_LENGTH} ASCII letters, digits and single hyphens, start with a letter and do not end with a hyphen.`;
const SHOWN_ID_LENGTH = 70;

function quoted(id: string): string {
  const shown = id.length > SHOWN_ID_LENGTH ? `${id.slice(0, SHOWN_ID_LENGTH)}…` : id;
  return JSON.stringify(shown);
}

function invalidCharacters(id: string): string[] {
  return [...new Set(id.match(/[^A-Za-z0-9-]/gu) ?? [])];
}

/** null when the ID follows the documented identifier rules, otherwise one line naming the ID. */
export function validateClusterId(id: string): string | null {
  const name = `Cluster ID ${quoted(id)}`;
  if (id.length === 0) return `A cluster ID is empty; it must be 1 to ${MAX_CLUSTER_ID_LENGTH} characters.`;
  if (id.length > MAX_CLUSTER_ID_LENGTH) {
    return `${name} is ${id.length} characters long; the limit is ${MAX_CLUSTER_ID_LENGTH}.`;
  }
  const bad = invalidCharacters(id);
  if (bad.length > 0) {
    const listed = bad.map((c) => JSON.stringify(c)).join(', ');
    return `${name} contains ${listed}; only ASCII letters, digits and hyphens are allowed.`;
  }
  if (!/^[A-Za-z]/u.test(id)) return `${name} must start with a letter.`;
  if (id.endsWith('-')) return `${name} must not end with a hyphen.`;
  if (id.includes('--')) return `${name} must not contain two consecutive hyphens.`;
  return null;
}

function firstDuplicate(ids: readonly string[]): { first: string; again: string } | null {
  const seen = new Map<string, string>();
  for (const id of ids) {
    const key = id.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) return { first, again: id };
    seen.set(key, id);
  }
  return null;
}

function duplicateMessage({ first, again }: { first: string; again: string }): string {
  if (first === again) return `Cluster ID ${quoted(first)} is given more than once.`;
  return `Cluster IDs ${quoted(first)} and ${quoted(again)} are the same cluster; cluster IDs are not case-sensitive.`;
}

/** The first rule the list breaks, as a usage error, or null when a token can be requested for it. */
export function validateClusterIds(ids: readonly string[]): AppError | null {
  if (ids.length === 0) {
    return new AppError('usage', 'No cluster IDs given; a token needs at least one.', {
      hint: `Give 1 to ${MAX_CLUSTER_IDS} cluster IDs.`,
    });
  }
  for (const id of ids) {
    const problem = validateClusterId(id);
    if (problem !== null) return new AppError('usage', problem, { hint: ID_RULES_HINT });
  }
  const duplicate = firstDuplicate(ids);
  if (duplicate !== null) {
    return new AppError('usage', duplicateMessage(duplicate), { hint: 'Give each cluster ID once.' });
  }
  if (ids.length > MAX_CLUSTER_IDS) {
    return new AppError('usage', `${ids.length} cluster IDs given; one token can cover at most ${MAX_CLUSTER_IDS}.`, {
      hint: 'Request a separate token for the rest.',
    });
  }
  return null;
}

const WRAPPING = /^["'`[(]+|["'`\])]+$/gu;

/** Splits pasted text into IDs on commas, semicolons and whitespace; quotes and brackets around an ID are dropped. */
export function parseClusterIdList(text: string): string[] {
  return text
    .split(/[\s,;]+/u)
    .map((part) => part.replace(WRAPPING, ''))
    .filter((part) => part.length > 0);
}
