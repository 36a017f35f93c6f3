/**
 * The colour theme: the learner's saved choice, else what the operating system prefers, followed
 * live until the learner picks one. Applied as `data-theme` on the root element, which styles.css
 * turns into colours. Everything the page provides is passed in, so tests use plain objects.
 */
export type Theme = "dark" | "light";

/** Where the explicit choice is kept (localStorage). */
export const THEME_KEY = "batch-lab.theme";

/** The media query whose `matches` means "the OS prefers light". */
export const PREFERS_LIGHT = "(prefers-color-scheme: light)";

export const isTheme = (v: unknown): v is Theme => v === "dark" || v === "light";

export const otherTheme = (t: Theme): Theme => (t === "dark" ? "light" : "dark");

/** The slice of `MediaQueryList` the theme uses. */
export interface MediaQueryLike {
  readonly matches: boolean;
  addEventListener(type: "change", listener: (e: { readonly matches: boolean }) => void): void;
  removeEventListener(type: "change", listener: (e: { readonly matches: boolean }) => void): void;
}

export interface ThemeEnv {
  storage: { get(key: string): string | null; set(key: string, value: string): boolean };
  /** `matchMedia(PREFERS_LIGHT)`; absent where there is no such thing (dark then). */
  prefersLight?: MediaQueryLike;
  /** Receives `data-theme`: the document's root element. */
  root: { dataset: Record<string, string | undefined> };
}

export interface ThemeStore {
  /** The theme in effect. */
  get: () => Theme;
  /** The learner's explicit choice, if any (else the theme follows the OS). */
  chosen: () => Theme | undefined;
  /** Pick a theme explicitly: saved, applied, and the OS is no longer followed. */
  choose: (theme: Theme) => void;
  toggle: () => void;
  subscribe: (listener: () => void) => () => void;
  /** Stop following the OS. */
  dispose: () => void;
}

/** The theme to start with: a valid saved choice wins, then the OS preference, then dark. */
export function initialTheme(saved: string | null, prefersLight: boolean | undefined): Theme {
  if (isTheme(saved)) return saved;
  return prefersLight ? "light" : "dark";
}

export function createThemeStore(env: ThemeEnv): ThemeStore {
  const saved = env.storage.get(THEME_KEY);
  let chosen: Theme | undefined = isTheme(saved) ? saved : undefined;
  let theme = initialTheme(saved, env.prefersLight?.matches);
  const listeners = new Set<() => void>();

  const apply = (next: Theme) => {
    // Always set, dark included: CSS and Monaco read the attribute, not its absence.
    env.root.dataset.theme = next;
    if (next === theme) return;
    theme = next;
    for (const l of [...listeners]) l();
  };
  env.root.dataset.theme = theme;

  const onSystemChange = (e: { readonly matches: boolean }) => {
    if (chosen === undefined) apply(e.matches ? "light" : "dark");
  };
  env.prefersLight?.addEventListener("change", onSystemChange);

  const choose = (next: Theme) => {
    chosen = next;
    env.storage.set(THEME_KEY, next); // unsaved (private mode), it still applies for this visit
    apply(next);
  };

  return {
    get: () => theme,
    chosen: () => chosen,
    choose,
    toggle: () => choose(otherTheme(theme)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => env.prefersLight?.removeEventListener("change", onSystemChange),
  };
}
