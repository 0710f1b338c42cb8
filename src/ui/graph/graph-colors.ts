/**
 * The picture's colours: one per kind, in a light and a dark set that keep the same hues, chosen
 * to stay apart for the common colour-vision deficiencies and to read on each theme's background
 * (chat.css's --bg). WebGL cannot read CSS variables, so the canvas takes these values.
 */
import type { GraphEntityKind } from '../../shared/store/graph-view-types';

export type Theme = 'light' | 'dark';

export interface Palette {
  kinds: Record<GraphEntityKind, string>;
  edge: string;
  label: string;
  /** Behind a hovered or selected node's label. */
  backdrop: string;
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    kinds: {
      person: '#2459c7',
      organisation: '#c2410c',
      place: '#15803d',
      event: '#7e3af2',
      idea: '#a16207',
      site: '#64748b',
    },
    edge: '#cfd5dc',
    label: '#1f2328',
    backdrop: '#ffffff',
  },
  dark: {
    kinds: {
      person: '#7fa8ff',
      organisation: '#ff9f6e',
      place: '#5fd39a',
      event: '#c3a2ff',
      idea: '#f2c14e',
      site: '#9ba3ad',
    },
    edge: '#3a414b',
    label: '#e5e7ea',
    backdrop: '#21252b',
  },
};

const darkQuery = () => matchMedia('(prefers-color-scheme: dark)');

export const currentTheme = (): Theme => (darkQuery().matches ? 'dark' : 'light');

/** Calls `onChange` when the system switches between light and dark; returns the unsubscribe. */
export function watchTheme(onChange: (theme: Theme) => void): () => void {
  const query = darkQuery();
  const listener = () => onChange(currentTheme());
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
