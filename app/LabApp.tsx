import { useEffect, useState } from "react";
import { ApplyPanel } from "./components/ApplyPanel.tsx";
import { ClockControls } from "./components/ClockControls.tsx";
import { ClusterView } from "./components/ClusterView.tsx";
import { Terminal } from "./components/Terminal.tsx";
import { useClockKeys } from "./components/use-clock-keys.ts";
import { browserStorage } from "./lab/persist.ts";
import { LabRuntime } from "./lab/runtime.ts";
import { DEFAULT_MANIFEST } from "./lab/default-manifest.ts";
import { LabProvider } from "./state/context.tsx";
import { useLabActions, useNotice } from "./state/hooks.ts";
import { createLabStore } from "./state/store.ts";
import "./lab-app.css";

function createLab() {
  const store = createLabStore();
  const runtime = new LabRuntime({
    store,
    storage: browserStorage(),
    defaultEditorText: DEFAULT_MANIFEST,
  });
  return { store, runtime, actions: runtime.boundActions() };
}

function Notice() {
  const notice = useNotice();
  const actions = useLabActions();
  if (!notice) return null;
  return (
    <div className="lab__notice" role="alert">
      <span>{notice}</span>
      <button type="button" onClick={actions.dismissNotice} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

function Layout() {
  useClockKeys();
  const actions = useLabActions();
  const reset = () => {
    if (window.confirm("Delete everything in the simulated cluster and start a fresh one?")) {
      actions.resetCluster();
    }
  };
  return (
    <div className="lab">
      <header className="lab__header">
        <h1 className="lab__brand">
          <span className="lab__mark" aria-hidden="true" />
          Batch Lab
        </h1>
        <ClockControls />
        <button type="button" className="lab__reset" onClick={reset} data-testid="reset-cluster">
          Reset cluster
        </button>
      </header>
      <Notice />
      <main className="lab__main">
        <div className="lab__pane lab__pane--editor">
          <ApplyPanel />
        </div>
        <div className="lab__pane lab__pane--cluster">
          <ClusterView />
        </div>
        <div className="lab__pane lab__pane--terminal">
          <Terminal />
        </div>
      </main>
    </div>
  );
}

/** The whole lab: editor + Apply, cluster view, clock, terminal, over one simulated cluster. */
export default function LabApp() {
  const [lab] = useState(createLab);
  useEffect(() => {
    const { runtime } = lab;
    runtime.startLoop();
    const save = () => runtime.flush();
    window.addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", save);
    return () => {
      window.removeEventListener("pagehide", save);
      document.removeEventListener("visibilitychange", save);
      runtime.stopLoop();
      runtime.flush();
    };
  }, [lab]);
  return (
    <LabProvider store={lab.store} actions={lab.actions}>
      <Layout />
    </LabProvider>
  );
}
