import { createContext, useCallback, useContext } from 'react';

/** Whether the screen shows colours (--color, NO_COLOR, FORCE_COLOR). Styles (inverse, bold, dim) stay either way. */
export const ColorContext = createContext<boolean>(true);

export type Tint = <C extends string>(color: C | undefined) => C | undefined;

/** tint(color): the colour when colours are on, undefined when they are off. */
export function useTint(): Tint {
  const colorEnabled = useContext(ColorContext);
  return useCallback(<C extends string>(color: C | undefined) => (colorEnabled ? color : undefined), [colorEnabled]);
}
