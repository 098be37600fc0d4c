import { Box } from 'ink';
import { memo, type ReactNode } from 'react';
import type { Cluster } from '../../domain/cluster.js';
import { chunkText, terminalText } from '../../domain/terminal-text.js';
import { statusColor } from './colors.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

/** At the side from this many columns; narrower terminals show it below the table after d. */
export const WIDE_COLUMNS = 140;
export const SIDE_WIDTH = 46;
/** Lines the pane takes below the table. */
export const DETAIL_BELOW_LINES = 4;

const LABEL = 10;

function endpointText(cluster: Cluster): string {
  return cluster.endpoint ? `${cluster.endpoint.address}:${cluster.endpoint.port}` : '— (no endpoint yet)';
}

function nodesText(cluster: Cluster): string {
  if (!cluster.nodeType) return '—';
  return `${cluster.nodes ?? 1} × ${cluster.nodeType}`;
}

function tagTexts(cluster: Cluster): string[] {
  return Object.entries(cluster.tags).map(([k, v]) => (v ? `${k}=${v}` : k));
}

function StatusText({ cluster }: { cluster: Cluster }) {
  const tint = useTint();
  return (
    <SafeText>
      <SafeText color={tint(statusColor(cluster.status))}>{cluster.status}</SafeText>
      {cluster.availability ? <SafeText dimColor>{` · ${cluster.availability}`}</SafeText> : null}
    </SafeText>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SafeText wrap="truncate-end">
      <SafeText dimColor>{label.padEnd(LABEL)}</SafeText>
      {children}
    </SafeText>
  );
}

/** The highlighted cluster in full, at the side of the table: height lines exactly. */
export const DetailSide = memo(function DetailSide({ cluster, width, height }: { cluster: Cluster | undefined; width: number; height: number }) {
  const lines: ReactNode[] = [];
  if (!cluster) {
    lines.push(
      <SafeText key="none" dimColor>
        No cluster highlighted.
      </SafeText>,
    );
  } else {
    const tags = tagTexts(cluster);
    const endpointLines = cluster.endpoint ? chunkText(terminalText(cluster.endpoint.address), Math.max(8, width - 3 - LABEL)) : [];
    lines.push(
      <SafeText key="id" bold wrap="truncate-end">
        {cluster.id}
      </SafeText>,
      <Field key="status" label="Status">
        <StatusText cluster={cluster} />
      </Field>,
      <Field key="endpoint" label="Endpoint">
        {endpointLines[0] ?? '—'}
      </Field>,
      ...endpointLines.slice(1).map((line, i) => <SafeText key={`endpoint:${i}`} wrap="truncate-end">{`${' '.repeat(LABEL)}${line}`}</SafeText>),
      <Field key="port" label="Port">
        {cluster.endpoint ? String(cluster.endpoint.port) : '—'}
      </Field>,
      <Field key="db" label="Database">
        {cluster.dbName ?? '—'}
      </Field>,
      <Field key="az" label="AZ">
        {cluster.az ?? '—'}
      </Field>,
      <Field key="nodes" label="Nodes">
        {nodesText(cluster)}
      </Field>,
      <Field key="tags" label="Tags">
        {tags.length === 0 ? '—' : (tags[0] as string)}
      </Field>,
      ...tags.slice(1).map((tag) => (
        <SafeText key={`tag:${tag}`} wrap="truncate-end">{`${' '.repeat(LABEL)}${tag}`}</SafeText>
      )),
    );
  }
  const inner = Math.max(1, width - 2);
  const shown = lines.slice(0, Math.max(1, height));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden" borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} borderDimColor>
      <Box flexDirection="column" width={inner} marginLeft={1}>
        {shown}
      </Box>
    </Box>
  );
});

/** The highlighted cluster in DETAIL_BELOW_LINES lines under the table, for narrow terminals. */
export const DetailBelow = memo(function DetailBelow({ cluster, width }: { cluster: Cluster | undefined; width: number }) {
  if (!cluster) {
    return (
      <Box flexDirection="column" width={width} height={DETAIL_BELOW_LINES}>
        <SafeText dimColor>── no cluster highlighted</SafeText>
      </Box>
    );
  }
  const tags = tagTexts(cluster);
  return (
    <Box flexDirection="column" width={width} height={DETAIL_BELOW_LINES} overflow="hidden">
      <SafeText wrap="truncate-end">
        <SafeText dimColor>── </SafeText>
        <SafeText bold>{cluster.id}</SafeText>
        <SafeText>{'  '}</SafeText>
        <StatusText cluster={cluster} />
      </SafeText>
      <Field label="Endpoint">{endpointText(cluster)}</Field>
      <SafeText wrap="truncate-end">
        <SafeText dimColor>{'Database'.padEnd(LABEL)}</SafeText>
        {cluster.dbName ?? '—'}
        <SafeText dimColor>{'   AZ '}</SafeText>
        {cluster.az ?? '—'}
        <SafeText dimColor>{'   Nodes '}</SafeText>
        {nodesText(cluster)}
      </SafeText>
      <Field label="Tags">{tags.length === 0 ? '—' : tags.join(', ')}</Field>
    </Box>
  );
});
