import type { AwsClientOptions } from '../aws/client-options.js';
import { describeContext, type AwsContext } from '../aws/describe-context.js';
import { createSessionInfo } from '../aws/identity.js';
import { effectiveProfile, profileExists } from '../aws/shared-config.js';
import { createSwitcher } from '../aws/workspace.js';
import { emptyMemory, targetKey, type Remembered } from '../domain/memory.js';
import type { AppProps } from '../ui/app.js';
import { fileMemoryStore, memoryPath, type MemoryStore } from './config-store/memory-store.js';
import type { CliOptions } from './options.js';

/** The App props of issue 7: identity, switching, memory, auto-refresh. */
export type WorkspaceAppProps = Pick<AppProps, 'session' | 'switcher' | 'memory' | 'workspace' | 'autoRefresh'>;

export interface WorkspaceSetup {
  /** The client options with a remembered profile/region applied. */
  clientOptions: AwsClientOptions;
  context: AwsContext;
  initialSelection?: readonly string[];
  app: WorkspaceAppProps;
  /** Ends the first connection's identity call if it is still waiting, so that quitting never waits for it. */
  close(): void;
}

/**
 * The remembered profile and region are used when the command line names neither. A remembered
 * profile that is no longer in the AWS config is ignored; so is one that is the default anyway
 * (naming it would turn off credentials from the environment).
 */
async function applyRemembered(options: CliOptions, client: AwsClientOptions, memory: Remembered): Promise<AwsClientOptions> {
  const last = memory.last;
  if (!last || options.profile !== undefined || options.region !== undefined) return client;
  if (last.profile === effectiveProfile(undefined)) return { ...client, region: last.region ?? client.region };
  if (!(await profileExists(last.profile).catch(() => false))) return client;
  return { ...client, profile: last.profile, region: last.region ?? client.region };
}

export interface WorkspaceSetupOptions {
  demo: boolean;
  /** Tests: where memory lives. Default $XDG_CONFIG_HOME/idc-tui/state.json. */
  store?: MemoryStore;
}

/**
 * Everything the TUI needs for profiles, regions, identity, memory and auto-refresh. --demo gets
 * identity and auto-refresh only: its clusters are not the user's, so nothing is remembered and
 * there is no AWS config to switch with.
 */
export async function workspaceSetup(options: CliOptions, client: AwsClientOptions, setup: WorkspaceSetupOptions): Promise<WorkspaceSetup> {
  const autoRefresh = options.autoRefreshMinutes !== undefined ? { enabled: true, beforeMs: options.autoRefreshMinutes * 60_000 } : undefined;
  if (setup.demo) {
    const context = await describeContext(client);
    const session = createSessionInfo(client);
    return {
      clientOptions: client,
      context,
      initialSelection: options.clusterIds,
      app: { session, autoRefresh },
      close: () => session.destroy(),
    };
  }
  const note = options.debug ? (line: string) => process.stderr.write(`debug: ${line}\n`) : undefined;
  const store = options.remember ? (setup.store ?? fileMemoryStore(memoryPath(), { note })) : undefined;
  const remembered = store?.load() ?? emptyMemory();
  const clientOptions = await applyRemembered(options, client, remembered);
  const context = await describeContext(clientOptions);
  const target = { profile: context.profile, region: context.region };
  const initialSelection = options.clusterIds ?? remembered.targets[targetKey(target)]?.selection;
  const { profile: _profile, region: _region, ...base } = clientOptions;
  const session = createSessionInfo(clientOptions);
  return {
    clientOptions,
    context,
    initialSelection,
    close: () => session.destroy(),
    app: {
      session,
      switcher: createSwitcher(base),
      memory: store,
      workspace: { target, remembered, sort: 'recent' },
      autoRefresh,
    },
  };
}
