import type { DeserializeMiddleware, MiddlewareStack } from '@smithy/types';
import { readBodyText } from './response-body.js';
import { projectXml } from './xml-projection.js';

const CLUSTER_PATH = ['DescribeClustersResponse', 'DescribeClustersResult', 'Clusters', 'Cluster'] as const;

interface ResponseLike {
  statusCode?: number;
  body?: unknown;
}

/**
 * DescribeClusters answers with ~70 members per cluster (2.6 KB of XML each) and the list reads 9.
 * The SDK's XML parser and its deserializer, on the cold code of a start, spent ~60 ms on the others
 * for a page of 50 clusters, and most of the CPU and garbage of loading 10,000. This hands the SDK
 * each successful page with the other members of each cluster left out; errors pass as they came.
 */
export function keepListedMembers<I extends object, O extends object>(stack: MiddlewareStack<I, O>, members: readonly string[]): void {
  const keep = new Set(members);
  const middleware: DeserializeMiddleware<I, O> = (next) => async (args) => {
    const result = await next(args);
    const response = result.response as ResponseLike;
    if (response.statusCode !== 200) return result;
    const xml = await readBodyText(response.body);
    if (xml === undefined) return result;
    response.body = Buffer.from(projectXml(xml, CLUSTER_PATH, keep), 'utf8');
    return result;
  };
  stack.addRelativeTo(middleware, { name: 'idcTuiListedMembers', relation: 'after', toMiddleware: 'deserializerMiddleware', override: true });
}
