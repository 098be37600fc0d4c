import type { MiddlewareStack } from '@smithy/types';
import { checkAnswers } from './answer-check.js';
import { projectXml } from './xml-projection.js';

const CLUSTER_PATH = ['DescribeClustersResponse', 'DescribeClustersResult', 'Clusters', 'Cluster'] as const;

/**
 * DescribeClusters answers with ~70 members per cluster (2.6 KB of XML each) and the list reads 9.
 * The SDK's XML parser and its deserializer, on the cold code of a start, spent ~60 ms on the others
 * for a page of 50 clusters, and most of the CPU and garbage of loading 10,000. This hands the SDK
 * each successful page with the other members of each cluster left out; errors pass as they came.
 * The answer is checked first (answer-check.ts): an empty or HTML page is no page of zero clusters.
 */
export function keepListedMembers<I extends object, O extends object>(stack: MiddlewareStack<I, O>, members: readonly string[]): void {
  const keep = new Set(members);
  checkAnswers(stack, { service: 'Redshift', action: 'DescribeClusters', project: (xml) => projectXml(xml, CLUSTER_PATH, keep) });
}
