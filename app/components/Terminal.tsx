import { lazy, Suspense } from "react";
import { useT } from "../i18n/I18nProvider.tsx";
import "./terminal.css";

// xterm (~330 KB) loads after the first paint, in its own chunk.
const TerminalView = lazy(() => import("./terminal/TerminalView.tsx"));

/** The kubectl terminal panel. */
export function Terminal() {
  const t = useT();
  return (
    <section className="terminal" aria-label={t("terminal.label")} data-testid="terminal">
      <Suspense fallback={<div className="terminal__loading">{t("terminal.starting")}</div>}>
        <TerminalView />
      </Suspense>
    </section>
  );
}
