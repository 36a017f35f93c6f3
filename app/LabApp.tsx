import { useEffect, useState } from "react";
import { ApplyPanel } from "./components/ApplyPanel.tsx";
import { ClockControls } from "./components/ClockControls.tsx";
import { ClusterView } from "./components/ClusterView.tsx";
import { Terminal } from "./components/Terminal.tsx";
import { Splitter } from "./components/Splitter.tsx";
import { useClockKeys } from "./components/use-clock-keys.ts";
import { useHeaderRows } from "./components/use-header-rows.ts";
import { useLessonDrawer } from "./components/use-lesson-drawer.ts";
import { usePaneSizes } from "./components/use-pane-sizes.ts";
import { I18nProvider, useT } from "./i18n/I18nProvider.tsx";
import { browserLanguages, createLocaleStore } from "./i18n/locale-store.ts";
import { LessonController } from "./lesson/controller.ts";
import { LanguageSwitch } from "./lesson/LanguageSwitch.tsx";
import { LessonProvider } from "./lesson/LessonContext.tsx";
import { LessonPanel } from "./lesson/LessonPanel.tsx";
import { packFromSearch } from "./lesson/pack-choice.ts";
import { browserStorage } from "./lab/persist.ts";
import { LabRuntime } from "./lab/runtime.ts";
import { DEFAULT_MANIFEST } from "./lab/default-manifest.ts";
import { LabProvider } from "./state/context.tsx";
import { useLabActions, useNotice } from "./state/hooks.ts";
import { createLabStore } from "./state/store.ts";
import { ThemeSwitch } from "./theme/ThemeSwitch.tsx";
import { VizProvider } from "./viz/context.tsx";
import { VizLab } from "./viz/viz-lab.ts";
import "./lab-app.css";

function createLab() {
  const store = createLabStore();
  const storage = browserStorage();
  const locale = createLocaleStore(storage, browserLanguages(), (l) => {
    document.documentElement.lang = l;
  });
  const viz = new VizLab(store);
  const runtime = new LabRuntime({
    store,
    storage,
    defaultEditorText: DEFAULT_MANIFEST,
    t: locale.t,
    observe: viz.observe,
  });
  viz.connect(runtime);
  // The pack named in the address (?pack=<name>); an invalid name is refused by the controller.
  const packName = packFromSearch(window.location.search).name;
  const lesson = new LessonController({ runtime, labStore: store, locale, storage, packName });
  return { store, runtime, actions: runtime.boundActions(), locale, lesson, viz };
}

function Notice() {
  const notice = useNotice();
  const actions = useLabActions();
  const t = useT();
  if (!notice) return null;
  return (
    <div className="lab__notice" role="alert">
      <span>{notice}</span>
      <button type="button" onClick={actions.dismissNotice} aria-label={t("app.dismiss")}>
        ×
      </button>
    </div>
  );
}

const PANE_ID = {
  lesson: "lab-lesson",
  editor: "lab-editor",
  cluster: "lab-cluster",
  terminal: "lab-terminal",
} as const;

function Layout() {
  useClockKeys();
  const actions = useLabActions();
  const t = useT();
  const { measureBody, measureMain, ...sizes } = usePaneSizes();
  const lesson = useLessonDrawer(sizes.mode, PANE_ID.lesson);
  const hint = t("layout.splitterHint");
  const header = useHeaderRows<HTMLElement>([t]);
  const reset = () => {
    if (window.confirm(t("app.resetConfirm"))) {
      actions.resetCluster();
    }
  };
  return (
    <div className={`lab lab--${sizes.mode}`}>
      <header className="lab__header" ref={header}>
        <h1 className="lab__brand">
          <span className="lab__mark" aria-hidden="true" />
          Batch Lab
        </h1>
        <ClockControls />
        <button type="button" className="lab__reset" onClick={reset} data-testid="reset-cluster">
          {t("app.resetCluster")}
        </button>
        <ThemeSwitch />
        <LanguageSwitch />
      </header>
      <Notice />
      <div className="lab__body" ref={measureBody} style={sizes.bodyStyle}>
        <LessonPanel id={PANE_ID.lesson} open={lesson.open} onToggle={lesson.toggle} />
        {lesson.open && (
          <Splitter
            {...sizes.lesson}
            label={t("layout.resizeLesson")}
            hint={hint}
            controls={PANE_ID.lesson}
            className="splitter--lesson"
            testId="splitter-lesson"
          />
        )}
        {lesson.drawerOpen && (
          <div className="lab__scrim" aria-hidden="true" onClick={lesson.close} />
        )}
        <main
          className="lab__main"
          ref={measureMain}
          style={sizes.mainStyle}
          inert={lesson.drawerOpen}
        >
          <div id={PANE_ID.editor} className="lab__pane lab__pane--editor">
            <ApplyPanel />
          </div>
          <Splitter
            {...sizes.editor}
            label={t("layout.resizeEditor")}
            hint={hint}
            controls={PANE_ID.editor}
            className="splitter--editor"
            testId="splitter-editor"
          />
          <div id={PANE_ID.cluster} className="lab__pane lab__pane--cluster">
            <ClusterView />
          </div>
          <Splitter
            {...sizes.terminal}
            label={t("layout.resizeTerminal")}
            hint={hint}
            controls={
              sizes.mode === "stacked" ? PANE_ID.cluster : `${PANE_ID.editor} ${PANE_ID.cluster}`
            }
            className="splitter--terminal"
            testId="splitter-terminal"
          />
          <div id={PANE_ID.terminal} className="lab__pane lab__pane--terminal">
            <Terminal />
          </div>
        </main>
      </div>
    </div>
  );
}

/** The whole lab: editor + Apply, cluster view, clock, terminal, over one simulated cluster. */
export default function LabApp() {
  const [lab] = useState(createLab);
  useEffect(() => {
    const { runtime, lesson } = lab;
    runtime.startLoop();
    void lesson.load();
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
    <I18nProvider store={lab.locale}>
      <LabProvider store={lab.store} actions={lab.actions}>
        <LessonProvider controller={lab.lesson}>
          <VizProvider viz={lab.viz}>
            <Layout />
          </VizProvider>
        </LessonProvider>
      </LabProvider>
    </I18nProvider>
  );
}
