import type { CallOptions } from './api.js';
import { addAttemptListener } from './attempt-listener.js';
import type { CommandHook } from './command-hook.js';
import { retryReason } from './error-messages.js';

/** Per call: reports retries to CallOptions.onRetry and remembers where the last attempt went. */
export interface CallObserver {
  withCommand: CommandHook;
  readonly lastEndpoint: string | undefined;
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function observeCall(options: CallOptions = {}): CallObserver {
  let lastEndpoint: string | undefined;
  let lastError: unknown;
  const withCommand: CommandHook = (command) => {
    addAttemptListener(command.middlewareStack, 'idcTuiCallObserver', {
      onAttempt: (attempt) => {
        lastEndpoint = origin(attempt.url);
        if (attempt.number > 1) options.onRetry?.(attempt.number, retryReason(lastError), attempt.maxAttempts);
      },
      onFailure: (_attempt, error) => {
        lastError = error;
      },
    });
    return command;
  };
  return {
    withCommand,
    get lastEndpoint() {
      return lastEndpoint;
    },
  };
}
