import type { TmuxSession } from './tmux-session.js';

/** Highlights analytics-prod whatever the sort order: filter for it, keep the filter. */
export async function highlightProd(s: TmuxSession): Promise<void> {
  s.send('/');
  s.send('analytics-prod', true);
  s.send('Enter');
  await s.waitFor(/1 of 36|analytics-prod\s+available/u);
}

/** From the demo's list to analytics-prod's token screen with its countdown running. */
export async function openProdToken(s: TmuxSession): Promise<void> {
  await highlightProd(s);
  s.send('Enter');
  await s.waitFor(/Remaining\s+\d+:\d\d/);
}
