/**
 * The reader's theme choice in the browser: `auto` (follow the system), `light` or `dark`.
 * Stored under THEME_KEY; THEME_SCRIPT (inline-scripts.ts) applies it before first paint, and
 * CSS does the rest (`html[data-theme]` sets `color-scheme`, colours use light-dark()).
 */
export const THEME_KEY = 'atlas-theme';
export type ThemeChoice = 'auto' | 'light' | 'dark';

export function storedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

export function applyTheme(choice: string): void {
  const theme: ThemeChoice = choice === 'light' || choice === 'dark' ? choice : 'auto';
  const root = document.documentElement;
  if (theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    if (theme === 'auto') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
