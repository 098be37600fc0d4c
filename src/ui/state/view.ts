import type { Cluster } from '../../domain/cluster.js';
import { filterClusters, narrowsFilter } from '../../domain/filter.js';
import { MAX_MESSAGE_LINES, tableHeight } from '../layout.js';
import type { AppState, Screen } from './app-state.js';
import type { ClusterListState } from './cluster-list-state.js';
import { fitMessages, lineCount, listLoadMessages, noticeMessages, tokenMessages, type Message } from './messages.js';
import { tokenTimingMessages } from './timing-messages.js';
import type { TokenState } from './token-state.js';

/** What the screen shows, derived from the three states; the same for rendering and for key handling. */
export interface View {
  screen: Screen;
  visible: readonly Cluster[];
  messages: Message[];
  messageLines: number;
  tableHeight: number;
}

const lastFilter = new WeakMap<readonly Cluster[], { text: string; visible: readonly Cluster[] }>();

/**
 * Filtering a long list on every key press and frame is wasted work: remember the last result per
 * list, and when the text only narrows it (typing on), look among its matches alone.
 */
function visibleClusters(clusters: readonly Cluster[], text: string): readonly Cluster[] {
  const cached = lastFilter.get(clusters);
  if (cached?.text === text) return cached.visible;
  const visible = filterClusters(cached && narrowsFilter(text, cached.text) ? cached.visible : clusters, text);
  lastFilter.set(clusters, { text, visible });
  return visible;
}

export function deriveView(app: AppState, list: ClusterListState, token: TokenState, rows: number): View {
  const screen: Screen = app.screen === 'token' && token.token ? 'token' : 'list';
  const messages = fitMessages(
    [...tokenMessages(token, screen), ...noticeMessages(app.notice), ...tokenTimingMessages(token, screen), ...(screen === 'list' ? listLoadMessages(list) : [])],
    MAX_MESSAGE_LINES,
  );
  const messageLines = lineCount(messages);
  return {
    screen,
    visible: visibleClusters(list.clusters, app.filterText),
    messages,
    messageLines,
    tableHeight: tableHeight(rows, messageLines),
  };
}
