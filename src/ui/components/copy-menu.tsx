import { Box } from 'ink';
import { memo } from 'react';
import type { AuthToken, Cluster } from '../../domain/cluster.js';
import { COPY_FORMATS, COPY_FORMAT_LABELS, connectionTarget, pythonString, urlHost, type CopyFormat } from '../../domain/copy-formats.js';
import { isoformatUtc } from '../../domain/output/timestamp.js';
import { maskToken } from '../../domain/mask.js';
import type { CopyMenuState } from '../state/copy-menu-state.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

const LABEL_WIDTH = 36;

/** What each format looks like, with the token masked: the menu never shows a usable token. */
function preview(format: CopyFormat, token: AuthToken, clusterId: string, cluster: Cluster | undefined): { text: string; available: boolean } {
  const masked = maskToken(token.token);
  if (format === 'token') return { text: masked, available: true };
  if (format === 'json') return { text: `{ "Token": "${masked}", "ExpirationTime": "${isoformatUtc(token.expiresAt)}" }`, available: true };
  const target = connectionTarget(cluster, clusterId);
  if ('missing' in target) return { text: `unavailable: ${target.missing}`, available: false };
  if (format === 'jdbc') return { text: `jdbc:redshift://${urlHost(target)}:${target.port}/${encodeURIComponent(target.database)}?plugin_name=…IdpTokenAuthPlugin&token_type=SUBJECT_TOKEN&token=…`, available: true };
  return { text: `redshift_connector.connect(host=${pythonString(target.host)}, port=${target.port}, database=${pythonString(target.database)}, credentials_provider='IdpTokenAuthPlugin', …)`, available: true };
}

export interface CopyMenuProps {
  menu: CopyMenuState;
  token: AuthToken;
  clusterIds: readonly string[];
  clusters: readonly Cluster[];
  width: number;
}

/** The C menu under the token: four formats, 1–4 or ↑↓ Enter; ←→ picks the cluster for JDBC and Python. */
export const CopyMenu = memo(function CopyMenu({ menu, token, clusterIds, clusters, width }: CopyMenuProps) {
  const tint = useTint();
  const clusterId = clusterIds[menu.clusterIndex] ?? clusterIds[0] ?? '';
  const cluster = clusters.find((c) => c.id === clusterId);
  const which = clusterIds.length > 1 ? ` (${menu.clusterIndex + 1}/${clusterIds.length}, ←→ another)` : '';
  return (
    <Box flexDirection="column" width={width} marginTop={1}>
      <SafeText bold color={tint('cyan')} wrap="truncate-end">
        {`Copy as…  JDBC URL and Python for ${clusterId}${which}`}
      </SafeText>
      {COPY_FORMATS.map((format, i) => {
        const selected = i === menu.cursor;
        const shown = preview(format, token, clusterId, cluster);
        return (
          <Box key={format}>
            <Box width={LABEL_WIDTH} flexShrink={0}>
              <SafeText inverse={selected} bold={selected} dimColor={!shown.available}>
                {`${selected ? '›' : ' '} ${i + 1} ${COPY_FORMAT_LABELS[format]}`}
              </SafeText>
            </Box>
            <Box flexShrink={1}>
              <SafeText dimColor wrap="truncate-end">
                {shown.text}
              </SafeText>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
});
