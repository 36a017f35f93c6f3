import { describe, expect, it } from "vitest";
import { memoryStorage } from "../lab/persist.ts";
import { createThemeStore, initialTheme, THEME_KEY, type MediaQueryLike } from "./theme.ts";

/** A `prefers-color-scheme: light` query whose answer the test changes, as the OS would. */
function fakeMedia(matches: boolean) {
  const listeners = new Set<(e: { matches: boolean }) => void>();
  const media = {
    matches,
    addEventListener: (_: "change", l: (e: { matches: boolean }) => void) => void listeners.add(l),
    removeEventListener: (_: "change", l: (e: { matches: boolean }) => void) =>
      void listeners.delete(l),
  } satisfies MediaQueryLike;
  return {
    media,
    listeners,
    set(next: boolean) {
      media.matches = next;
      for (const l of listeners) l({ matches: next });
    },
  };
}

function setup(saved: Record<string, string>, osLight: boolean | undefined) {
  const storage = memoryStorage(saved);
  const os = osLight === undefined ? undefined : fakeMedia(osLight);
  const root = { dataset: {} as Record<string, string | undefined> };
  const store = createThemeStore({ storage, prefersLight: os?.media, root });
  const seen: string[] = [];
  store.subscribe(() => seen.push(store.get()));
  const state = () => ({
    theme: store.get(),
    chosen: store.chosen(),
    attribute: root.dataset.theme,
    saved: storage.get(THEME_KEY),
    notified: seen.join(","),
  });
  return { store, os, state };
}

describe("initialTheme", () => {
  it("prefers a valid saved choice, then the OS, then dark", () => {
    expect([
      initialTheme("light", false),
      initialTheme("dark", true),
      initialTheme(null, true),
      initialTheme(null, false),
      initialTheme(null, undefined),
      initialTheme("sepia", true),
      initialTheme("", false),
    ]).toEqual(["light", "dark", "light", "dark", "dark", "light", "dark"]);
  });
});

describe("createThemeStore", () => {
  it("starts from the OS preference and applies it as data-theme (dark too)", () => {
    expect(setup({}, true).state()).toEqual({
      theme: "light",
      chosen: undefined,
      attribute: "light",
      saved: null,
      notified: "",
    });
    expect(setup({}, false).state()).toEqual({
      theme: "dark",
      chosen: undefined,
      attribute: "dark",
      saved: null,
      notified: "",
    });
    expect(setup({}, undefined).state().attribute).toBe("dark");
  });

  it("starts from the saved choice, whatever the OS prefers", () => {
    expect(setup({ [THEME_KEY]: "dark" }, true).state()).toEqual({
      theme: "dark",
      chosen: "dark",
      attribute: "dark",
      saved: "dark",
      notified: "",
    });
  });

  it("ignores a saved value that is not a theme", () => {
    expect(setup({ [THEME_KEY]: "solarized" }, true).state()).toMatchObject({
      theme: "light",
      chosen: undefined,
    });
  });

  it("follows the OS while nothing was chosen", () => {
    const { os, state } = setup({}, false);
    os?.set(true);
    os?.set(true); // the same answer again is not a change
    expect(state()).toEqual({
      theme: "light",
      chosen: undefined,
      attribute: "light",
      saved: null,
      notified: "light",
    });
    os?.set(false);
    expect(state()).toMatchObject({ theme: "dark", attribute: "dark", notified: "light,dark" });
  });

  it("toggling saves the choice, which then outranks the OS", () => {
    const { store, os, state } = setup({}, false);
    store.toggle();
    expect(state()).toEqual({
      theme: "light",
      chosen: "light",
      attribute: "light",
      saved: "light",
      notified: "light",
    });
    os?.set(false);
    os?.set(true);
    os?.set(false);
    expect(state().theme).toBe("light");
    store.toggle();
    expect(state()).toEqual({
      theme: "dark",
      chosen: "dark",
      attribute: "dark",
      saved: "dark",
      notified: "light,dark",
    });
  });

  it("choosing the theme already shown still records the choice", () => {
    const { store, os, state } = setup({}, true);
    store.choose("light");
    os?.set(false);
    expect(state()).toEqual({
      theme: "light",
      chosen: "light",
      attribute: "light",
      saved: "light",
      notified: "",
    });
  });

  it("still switches when the choice cannot be saved", () => {
    const root = { dataset: {} as Record<string, string | undefined> };
    const store = createThemeStore({
      storage: { get: () => null, set: () => false },
      prefersLight: fakeMedia(false).media,
      root,
    });
    store.toggle();
    expect([store.get(), store.chosen(), root.dataset.theme]).toEqual(["light", "light", "light"]);
  });

  it("unsubscribes listeners and stops following the OS once disposed", () => {
    const { store, os, state } = setup({}, false);
    store.dispose();
    expect(os?.listeners.size).toBe(0);
    os?.set(true);
    expect(state().theme).toBe("dark");

    const again = setup({}, false);
    let calls = 0;
    const off = again.store.subscribe(() => calls++);
    off();
    again.store.toggle();
    expect(calls).toBe(0);
  });
});
