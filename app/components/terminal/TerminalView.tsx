import { FitAddon } from "@xterm/addon-fit";
import { Terminal as XTerm } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useT } from "../../i18n/I18nProvider.tsx";
import { useLabActions } from "../../state/hooks.ts";
import { browserStorage, KEYS } from "../../lab/persist.ts";
import { useAppTheme } from "../../theme/use-app-theme.ts";
import { TerminalController } from "./controller.ts";
import { History } from "./history.ts";
import { typeLine } from "./typing.ts";
import { MIN_CONTRAST, xtermTheme } from "./xterm-theme.ts";

const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;
const dim = (s: string) => `\x1b[2m${s}\x1b[0m`;

function loadHistory(): string[] {
  try {
    const v: unknown = JSON.parse(browserStorage().get(KEYS.history) ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/**
 * xterm.js with the lab's line editor. Uses xterm's default DOM renderer, so the screen's text
 * is in `.xterm-rows` (what e2e tests and screen readers read). Loaded lazily (see Terminal.tsx).
 */
export default function TerminalView() {
  const ref = useRef<HTMLDivElement>(null);
  const termRef = useRef<XTerm | null>(null);
  const actions = useLabActions();
  const theme = useAppTheme();
  // The colours of the moment the terminal opens; later changes go through the effect below.
  const colours = useEffectEvent(() => ({
    theme: xtermTheme(getComputedStyle(document.documentElement)),
    minimumContrastRatio: MIN_CONTRAST[theme],
  }));
  const t = useT();
  // The greeting is in the language of the moment the terminal opened (it is scrollback, not UI).
  const [banner] = useState(
    () => t("terminal.banner", { app: bold("Batch Lab"), help: bold("help") }) + "\n",
  );

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const term = new XTerm({
      fontFamily: '"JetBrains Mono", "Fira Code", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      lineHeight: 1.15,
      cursorBlink: true,
      scrollback: 5000,
      allowProposedApi: false,
      ...colours(),
    });
    termRef.current = term;
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    const safeFit = () => {
      try {
        fit.fit();
      } catch {
        // the element is not laid out (display: none); the next resize fits it
      }
    };
    safeFit();

    const storage = browserStorage();
    const history = new History(loadHistory(), (entries) => {
      storage.set(KEYS.history, JSON.stringify(entries));
    });
    let disposed = false;
    const controller = new TerminalController(
      { write: (d) => void (disposed || term.write(d)), cols: () => term.cols },
      {
        start: (line, cb) => actions.startLine(line, cb),
        complete: (line, cursor) => actions.complete(line, cursor),
        history,
        openEdit: (req) => {
          const note = actions.openEdit(req);
          return note === undefined ? undefined : dim(note);
        },
      },
    );

    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== "keydown") return true;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      // Ctrl+C copies when text is selected (Ctrl+Shift+C always); otherwise it interrupts.
      if (mod && key === "c" && (e.shiftKey || term.hasSelection())) {
        if (term.hasSelection()) {
          void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
          term.clearSelection();
        }
        e.preventDefault();
        return false;
      }
      // Ctrl/Cmd+V (and Ctrl+Shift+V): leave it to the browser, whose paste event xterm turns into input.
      if (mod && key === "v") return false;
      return true;
    });

    // Right-click: copy the selection if there is one, otherwise paste (as terminals do).
    const onContextMenu = (e: MouseEvent) => {
      const clipboard = navigator.clipboard;
      if (!clipboard) return; // the browser's own menu still offers Paste
      e.preventDefault();
      if (term.hasSelection()) {
        void clipboard.writeText(term.getSelection()).catch(() => {});
        term.clearSelection();
      } else {
        void clipboard
          .readText()
          .then((text) => text && term.paste(text))
          .catch(() => {});
      }
      term.focus();
    };
    el.addEventListener("contextmenu", onContextMenu);

    const subs = [
      term.onData((d) => controller.input(d)),
      term.onResize(() => controller.resized()),
    ];
    controller.start(banner);
    // Lines the lesson panel types (demos, the solution replay) go through the same line editor.
    // It resolves once the line ran: a `wait` or `logs -f` runs until it ends.
    const unfeed = actions.onTerminalInput(async (line) => {
      await typeLine((d) => controller.input(d), line);
      await controller.idle();
    });

    // What a `kubectl edit` saved (or cancelled) in the editor printed.
    const unprint = actions.onTerminalOutput((chunks) => controller.print(chunks));

    const observer = new ResizeObserver(() => safeFit());
    observer.observe(el);
    return () => {
      observer.disconnect();
      unfeed();
      unprint();
      el.removeEventListener("contextmenu", onContextMenu);
      for (const s of subs) s.dispose();
      controller.dispose();
      disposed = true;
      termRef.current = null;
      term.dispose();
    };
  }, [actions, banner]);

  // Light ⇄ dark: the CSS variables already hold the new theme's colours when this runs.
  useEffect(() => {
    const term = termRef.current;
    if (term) Object.assign(term.options, colours());
  }, [theme]);

  return <div ref={ref} className="terminal__xterm" />;
}
