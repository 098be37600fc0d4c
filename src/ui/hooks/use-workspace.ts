import { useCallback, useEffect, useRef, useState } from 'react';
import type { RedshiftApi } from '../../aws/api.js';
import type { AwsTarget, CallerIdentity, ConnectionContext, ProfileInfo, SessionInfo, Switcher } from '../../aws/workspace-types.js';
import { targetKey, type Remembered } from '../../domain/memory.js';
import { regionChoices } from '../../domain/regions.js';
import type { AppAction, AppState } from '../state/app-state.js';
import { rememberedFrom, type PickerItem, type PickerKind } from '../state/workspace-state.js';

/** Saves what the app remembers; the CLI's file store, a fake in tests. */
export interface MemorySink {
  save(memory: Remembered): void;
}

interface Current {
  api: RedshiftApi;
  session?: SessionInfo;
  close?: () => void;
}

export interface Workspace {
  api: RedshiftApi;
  context: ConnectionContext;
  identity: CallerIdentity | undefined;
  credentialsExpiry: Date | undefined;
  openPicker: (kind: PickerKind) => void;
  choose: (kind: PickerKind, item: PickerItem) => void;
}

const KIND_LABELS: Record<ProfileInfo['kind'], string> = {
  sso: 'SSO',
  role: 'assume role',
  process: 'credential_process',
  keys: 'access keys',
  'web-identity': 'web identity',
  other: 'config',
};

export function profileItems(profiles: readonly ProfileInfo[], current: string): PickerItem[] {
  return profiles.map((p) => {
    const detail = [p.region ?? 'no region', KIND_LABELS[p.kind], p.ssoSession ? `sso-session ${p.ssoSession}` : ''].filter(Boolean).join(' · ');
    return { value: p.name, label: p.name, detail, ...(p.region ? { region: p.region } : {}), current: p.name === current };
  });
}

export function regionItems(current: string | undefined, profileRegion: string | undefined): PickerItem[] {
  return regionChoices(current, profileRegion).map((c) => ({ value: c.region, label: c.region, ...(c.note ? { detail: c.note } : {}), current: c.region === current }));
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err);
}

export interface WorkspaceOptions {
  api: RedshiftApi;
  session?: SessionInfo;
  context: ConnectionContext;
  switcher?: Switcher;
  memory?: MemorySink;
  app: AppState;
  getApp: () => AppState;
  dispatch: (action: AppAction) => void;
}

/**
 * The connection the list and tokens go through, and switching it: P / R pick a profile or region,
 * the api is rebuilt by the injected factory, the list reloads (its hook follows the api). Identity
 * and credential expiry are fetched in the background for each connection. What to remember is
 * saved whenever selection, target or recent clusters change.
 */
export function useWorkspace(options: WorkspaceOptions): Workspace {
  const { switcher, memory, app, getApp, dispatch } = options;
  const [current, setCurrent] = useState<Current>(() => ({ api: options.api, session: options.session }));
  const [context, setContext] = useState<ConnectionContext>(options.context);
  const currentRef = useRef(current);
  currentRef.current = current;
  const [identity, setIdentity] = useState<CallerIdentity | undefined>(undefined);
  const [credentialsExpiry, setCredentialsExpiry] = useState<Date | undefined>(undefined);

  useEffect(() => {
    const session = current.session;
    setIdentity(undefined);
    setCredentialsExpiry(undefined);
    if (!session) return undefined;
    let live = true;
    session.identity().then(
      (id) => live && setIdentity(id),
      () => {},
    );
    session.credentialsExpiry().then(
      (at) => live && setCredentialsExpiry(at),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [current.session]);

  useEffect(() => () => current.close?.(), [current]);

  const profilesCache = useRef<Promise<ProfileInfo[]> | null>(null);
  const loadProfiles = useCallback((): Promise<ProfileInfo[]> => {
    if (!switcher) return Promise.resolve([]);
    profilesCache.current = switcher.profiles();
    return profilesCache.current;
  }, [switcher]);

  const openPicker = useCallback(
    (kind: PickerKind) => {
      const target = getApp().workspace.target;
      if (!target) return;
      dispatch({ type: 'workspace', action: { type: 'pickerOpen', kind } });
      const profiles = loadProfiles();
      if (kind === 'profile') {
        profiles.then(
          (list) => dispatch({ type: 'workspace', action: { type: 'pickerItems', kind, items: profileItems(list, target.profile) } }),
          (err: unknown) => dispatch({ type: 'workspace', action: { type: 'pickerFailed', kind, error: errorText(err) } }),
        );
      } else {
        profiles
          .then((list) => list.find((p) => p.name === target.profile)?.region, () => undefined)
          .then((profileRegion) => dispatch({ type: 'workspace', action: { type: 'pickerItems', kind, items: regionItems(target.region, profileRegion) } }));
      }
    },
    [dispatch, getApp, loadProfiles],
  );

  const choose = useCallback(
    (kind: PickerKind, item: PickerItem) => {
      const from = getApp().workspace.target;
      if (!from || !switcher) return;
      const target: AwsTarget = kind === 'profile' ? { profile: item.value, region: item.region ?? from.region } : { profile: from.profile, region: item.value };
      if (targetKey(target) === targetKey(from)) {
        dispatch({ type: 'workspace', action: { type: 'pickerClose' } });
        return;
      }
      const connection = switcher.apiFor(target);
      dispatch({ type: 'workspace', action: { type: 'switchTarget', target } });
      const next: Current = { api: connection.api, session: connection.session, close: connection.close?.bind(connection) };
      setCurrent(next);
      currentRef.current = next;
      setContext({ profile: target.profile, region: target.region });
      connection.context().then(
        (resolved) => {
          if (currentRef.current.api === next.api) setContext({ ...resolved, profile: target.profile, region: target.region ?? resolved.region });
        },
        () => {},
      );
    },
    [dispatch, getApp, switcher],
  );

  const first = useRef(true);
  const { selection, workspace } = app;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    memory?.save(rememberedFrom(getApp()));
  }, [memory, getApp, selection, workspace.target, workspace.recent]);

  return { api: current.api, context, identity, credentialsExpiry, openPicker, choose };
}
