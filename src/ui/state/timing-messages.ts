import { assessTokenTiming, timingMessage } from '../../domain/token-timing.js';
import type { Screen } from './app-state.js';
import type { Message } from './messages.js';
import type { TokenState } from './token-state.js';

/** On the token screen: a token that arrived expired, or whose ExpirationTime the local clock cannot explain. */
export function tokenTimingMessages(token: TokenState, screen: Screen): Message[] {
  if (screen !== 'token' || !token.token || token.receivedAt === null) return [];
  const { expiresAt, clockOffsetMs } = token.token;
  const message = timingMessage(assessTokenTiming({ expiresAt, receivedAt: token.receivedAt, clockOffsetMs }), expiresAt);
  return message ? [message] : [];
}
