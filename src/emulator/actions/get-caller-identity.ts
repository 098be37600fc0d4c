import { ACCOUNT_ID } from '../emulator-cluster.js';
import { el } from '../query-protocol.js';
import type { Action } from './action.js';

export const CALLER_ROLE = 'IdentityCenterDataAnalyst';
export const CALLER_SESSION = 'alice@example.com';
export const CALLER_ARN = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${CALLER_ROLE}/${CALLER_SESSION}`;

export const getCallerIdentity: Action = () =>
  el('Arn', CALLER_ARN) + el('UserId', `AROAXMPLE3DQJ7RZF5TYU:${CALLER_SESSION}`) + el('Account', ACCOUNT_ID);
