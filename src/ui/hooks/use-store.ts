import { useState, useSyncExternalStore } from 'react';
import { createStore, type Store } from '../state/store.js';

/** useReducer with a store that event handlers can read synchronously. */
export function useStore<S, A>(reducer: (state: S, action: A) => S, init: () => S): [S, Store<S, A>] {
  const [store] = useState(() => createStore(reducer, init()));
  const state = useSyncExternalStore(store.subscribe, store.get);
  return [state, store];
}
