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

/** True when every term is found in at least one field: id, status, node type, DB name or a tag value. */
export function matchesTerms(cluster: Cluster, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const fields = searchableFields(cluster);
  return terms.every((term) => fields.some((field) => field.includes(term)));
}

/** The clusters that match the filter text, in their order; the same array when there is nothing to filter by. */
export function filterClusters(clusters: readonly Cluster[], text: string): readonly Cluster[] {
  const terms = filterTerms(text);
  if (terms.length === 0) return clusters;
  return clusters.filter((cluster) => matchesTerms(cluster, terms));
}
