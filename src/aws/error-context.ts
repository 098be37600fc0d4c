export type RedshiftAction = 'DescribeClusters' | 'GetIdentityCenterAuthToken';

/** What was being attempted when the error happened, to name it in the message. */
export interface ErrorContext {
  action: RedshiftAction;
  clusterIds?: readonly string[];
  /** The effective profile name, e.g. "default". */
  profile?: string;
  region?: string;
  /** URL of the last HTTP attempt. */
  endpoint?: string;
  /** Set when the credentials came from the environment: the variables that hold them (no profile is involved then). */
  environmentVariables?: readonly string[];
}

export function quotedList(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}

export function where(context: ErrorContext): string {
  const parts = [context.region && `region ${context.region}`, context.profile && `profile ${context.profile}`];
  const known = parts.filter(Boolean).join(', ');
  return known ? ` (${known})` : '';
}

export function loginHint(context: ErrorContext): string {
  const profile = context.profile && context.profile !== 'default' ? ` --profile ${context.profile}` : '';
  return `Run: aws sso login${profile} (or refresh your credentials), then retry.`;
}

/** "A, B and C" */
export function namesList(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
