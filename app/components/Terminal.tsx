import { lazy, Suspense } from "react";
import "./terminal.css";

// xterm (~330 KB) loads after the first paint, in its own chunk.
const TerminalView = lazy(() => import("./terminal/TerminalView.tsx"));

/** The kubectl terminal panel. */
export function Terminal() {
  return (
    <section className="terminal" aria-label="Terminal" data-testid="terminal">
      <Suspense fallback={<div className="terminal__loading">Starting terminal…</div>}>
        <TerminalView />
      </Suspense>
    </section>
  );
}
