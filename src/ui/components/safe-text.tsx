import { Text, type TextProps } from 'ink';
import { cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { terminalStyledText, terminalText } from '../../domain/terminal-text.js';

/**
 * The only door to Ink's <Text> in src/ui (test/ui/one-text-path.test.ts checks it): every string
 * drawn goes through terminalText first, so a cluster ID, a tag, an error message or a profile name
 * can never reach the terminal as escape sequences or control characters.
 */

/** Strings among the children (also in arrays and fragments) made safe; the same node when nothing changes. */
function safeChildren(children: ReactNode): ReactNode {
  if (typeof children === 'string') return terminalText(children);
  if (Array.isArray(children)) {
    let out: ReactNode[] | undefined;
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as ReactNode;
      const safe = safeChildren(child);
      if (safe !== child) (out ??= [...(children as ReactNode[])])[i] = safe;
    }
    return out ?? children;
  }
  if (isValidElement(children) && children.type === Fragment) {
    const fragment = children as ReactElement<{ children?: ReactNode }>;
    const inner = fragment.props.children;
    const safe = safeChildren(inner);
    if (safe === inner) return fragment;
    return Array.isArray(safe) ? cloneElement(fragment, undefined, ...safe) : cloneElement(fragment, undefined, safe);
  }
  // Other elements are components, whose own text goes through SafeText.
  return children;
}

/** Ink's <Text> for text from anywhere: strings are shown with control characters escaped. */
export function SafeText({ children, ...props }: TextProps) {
  return <Text {...props}>{safeChildren(children)}</Text>;
}

/**
 * A line we styled ourselves with SGR codes, from cells already made safe (the cluster rows): the
 * SGR codes stay, anything else unsafe is escaped.
 */
export function StyledText({ children, ...props }: Omit<TextProps, 'children'> & { children: string }) {
  return <Text {...props}>{terminalStyledText(children)}</Text>;
}
