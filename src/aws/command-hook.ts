import type { Command } from '@smithy/types';

/** Adjusts a command before it is sent, e.g. to add a middleware for this call only. */
export type CommandHook = <C extends Command<any, any, any, any, any>>(command: C) => C;
