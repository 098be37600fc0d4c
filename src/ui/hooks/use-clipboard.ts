import { useCallback, useEffect, useMemo } from 'react';
import { ClipboardGuard, oneShot } from '../../clipboard/auto-clear.js';
import type { Clipboard } from '../../clipboard/clipboard.js';
import { DEFAULT_CLEAR_AFTER_SECONDS } from '../../clipboard/modes.js';
import type { AuthToken, Cluster } from '../../domain/cluster.js';
import { COPY_FORMAT_LABELS, copyText, type CopyFormat } from '../../domain/copy-formats.js';
import type { Clock } from '../clock.js';
import type { AppAction } from '../state/app-state.js';
import { copiedNotice, copyFailedNotice } from '../state/copy-notice.js';
import { toAppError } from '../to-app-error.js';


export interface ClipboardOptions {
  clipboard: Clipboard;
  /** Made by the lifecycle root, which clears on exit; without it the hook makes one on the UI clock. */
  guard?: ClipboardGuard;
  clearAfterMs?: number;
  /** --recopy: after a refresh, copy the new token when the clipboard holds the old one we copied. */
  recopy?: boolean;
  clock: Clock;
  dispatch: (action: AppAction) => void;
  getToken: () => AuthToken | null;
  getClusters: () => readonly Cluster[];
}

function describeCopy(format: CopyFormat, clusterId: string | undefined): string | undefined {
  if (format === 'token') return undefined;
  if (format === 'json') return 'the JSON';
  return `the ${COPY_FORMAT_LABELS[format]} for ${clusterId}`;
}

/** c, C, x and the offer to copy a refreshed token: everything the screen does with the clipboard. */
export function useClipboard({ clipboard, guard: given, clearAfterMs, recopy, clock, dispatch, getToken, getClusters }: ClipboardOptions) {
  const guard = useMemo(
    () =>
      given ??
      new ClipboardGuard(clipboard, {
        clearAfterMs: clearAfterMs ?? DEFAULT_CLEAR_AFTER_SECONDS * 1000,
        timers: { now: clock.now, setTimer: oneShot(clock.setTick) },
      }),
    [given, clipboard, clearAfterMs, clock],
  );
  useEffect(() => (given ? undefined : () => void guard.dispose()), [given, guard]);

  const copyToken = useCallback(
    (token: AuthToken, format: CopyFormat, clusterId: string | undefined, prefix = '') => {
      const cluster = clusterId ? getClusters().find((c) => c.id === clusterId) : undefined;
      const made = copyText(format, token, clusterId ?? '', cluster);
      if (!made.ok) {
        dispatch({ type: 'notice', notice: { tone: 'warning', text: `No ${COPY_FORMAT_LABELS[format]}: ${made.reason}.\nC offers the other formats; c copies the token.` } });
        return;
      }
      const expired = token.expiresAt.getTime() <= clock.now();
      dispatch({ type: 'notice', notice: { tone: 'info', text: 'Copying…' } });
      guard.copy(made.text, { token: token.token, format, clusterId }).then(
        (result) => {
          const notice = copiedNotice(result, expired, describeCopy(format, clusterId));
          dispatch({ type: 'notice', notice: prefix ? { ...notice, text: `${prefix}${notice.text}` } : notice });
        },
        (err: unknown) => dispatch({ type: 'notice', notice: copyFailedNotice(toAppError(err)) }),
      );
    },
    [clock, dispatch, getClusters, guard],
  );

  const copyAs = useCallback(
    (format: CopyFormat, clusterId: string | undefined) => {
      const token = getToken();
      if (token) copyToken(token, format, clusterId);
    },
    [copyToken, getToken],
  );
  const copy = useCallback(() => copyAs('token', undefined), [copyAs]);

  const clearClipboard = useCallback(() => {
    if (!guard.getState().last) {
      dispatch({ type: 'notice', notice: { tone: 'info', text: 'Nothing copied yet: nothing to clear.' } });
      return;
    }
    void guard.clearByUser();
  }, [dispatch, guard]);

  /** After a refresh: the clipboard may still hold the old token, copied this session. */
  const afterRefresh = useCallback(
    async (old: AuthToken | null, fresh: AuthToken) => {
      const last = guard.getState().last;
      if (!old || !last || old.token === fresh.token) return;
      const holds = await guard.holdsToken(old.token);
      if (holds === false) return;
      const format = last.format as CopyFormat;
      if (recopy) {
        copyToken(fresh, format, last.clusterId, 'Fresh token received; copied it in place of the old one (--recopy).\n');
        return;
      }
      const what = format === 'token' ? 'the old token' : `the old token (${COPY_FORMAT_LABELS[format]})`;
      const text =
        holds === true
          ? `Fresh token received. The clipboard still holds ${what}: press c to copy the new one.`
          : `Fresh token received. The clipboard may still hold ${what} (OSC 52 cannot be read back): press c to copy the new one.`;
      dispatch({ type: 'notice', notice: { tone: 'warning', text } });
    },
    [copyToken, dispatch, guard, recopy],
  );

  return { guard, copy, copyAs, clearClipboard, afterRefresh };
}
