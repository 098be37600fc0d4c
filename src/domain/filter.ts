import type { Cluster } from './cluster.js';

/** Space-separated, lower-cased terms; empty text gives no terms. */
export function filterTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/u)
    .filter((term) => term.length > 0);
}

function searchableFields(cluster: Cluster): string[] {
  const fields = [cluster.id, cluster.status, cluster.nodeType ?? '', cluster.dbName ?? '', ...Object.values(cluster.tags)];
  return fields.map((field) => field.toLowerCase());
}

/**
 * The searchable fields of each cluster, lower-cased and joined by line breaks, made once per
 * cluster rather than on every key press: a term never holds a line break (terms are split on
 * white space), so it is found in the joined text exactly when it is found in one of the fields.
 */
const haystacks = new WeakMap<Cluster, string>();

function haystack(cluster: Cluster): string {
  let text = haystacks.get(cluster);
  if (text === undefined) {
    text = searchableFields(cluster).join('\n');
    haystacks.set(cluster, text);
  }
  return text;
}

/** True when every term is found in at least one field: id, status, node type, DB name or a tag value. */
export function matchesTerms(cluster: Cluster, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const text = haystack(cluster);
  return terms.every((term) => text.includes(term));
}

/**
 * True when whatever matches `text` also matches `previous` (each of its terms is part of a term of
 * `text`, as when typing on), so `text` can be looked for among the matches of `previous` alone.
 */
export function narrowsFilter(text: string, previous: string): boolean {
  const before = filterTerms(previous);
  if (before.length === 0) return false;
  const now = filterTerms(text);
  return before.every((old) => now.some((term) => term.includes(old)));
}

/** The clusters that match the filter text, in their order; the same array when there is nothing to filter by. */
export function filterClusters(clusters: readonly Cluster[], text: string): readonly Cluster[] {
  const terms = filterTerms(text);
  if (terms.length === 0) return clusters;
  return clusters.filter((cluster) => matchesTerms(cluster, terms));
}
