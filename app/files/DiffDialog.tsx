import { lazy, Suspense, useEffect, useMemo, useRef } from "react";
import type { KubeObject } from "../../src/api/types.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { diffFile, diffTexts } from "./diff.ts";
import "./diff-dialog.css";

const DiffView = lazy(() => import("../editor/DiffView.tsx"));

export interface DiffDialogProps {
  file: string;
  text: string;
  now: number;
  live: (obj: KubeObject) => KubeObject | undefined;
  theme: "dark" | "light";
  onApply: () => void;
  onClose: () => void;
}

const STATUS_TEXT = {
  new: "diff.new",
  changed: "diff.changed",
  unchanged: "diff.unchanged",
  error: "diff.error",
} as const;

/** `kubectl diff -f FILE` before Apply: live objects on the left, the dry run's result on the right. */
export function DiffDialog({ file, text, now, live, theme, onApply, onClose }: DiffDialogProps) {
  const t = useT();
  const result = useMemo(() => diffFile(text, file, { live, now }), [text, file, live, now]);
  const texts = useMemo(
    () => ("objects" in result ? diffTexts(result.objects) : undefined),
    [result],
  );
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="diff-dialog"
      aria-label={t("diff.label", { file })}
      onClose={onClose}
      onCancel={onClose}
      data-testid="diff-dialog"
    >
      <header className="diff-dialog__head">
        <h2 className="diff-dialog__title">
          kubectl diff -f {file}
          <span className="diff-dialog__sub">{t("diff.sides")}</span>
        </h2>
        <ul className="diff-dialog__objects">
          {"objects" in result ? (
            result.objects.map((o, i) => (
              <li key={i} className={`diff-dialog__object diff-dialog__object--${o.status}`}>
                <code>{o.title}</code> {t(STATUS_TEXT[o.status])}
              </li>
            ))
          ) : (
            <li className="diff-dialog__object diff-dialog__object--error">{result.error}</li>
          )}
        </ul>
      </header>
      <div className="diff-dialog__body">
        {texts && (
          <Suspense fallback={<div className="diff-dialog__loading">{t("diff.loading")}</div>}>
            <DiffView original={texts.original} modified={texts.modified} theme={theme} />
          </Suspense>
        )}
      </div>
      <footer className="diff-dialog__foot">
        <button type="button" className="diff-dialog__button" onClick={onClose}>
          {t("diff.close")}
        </button>
        <button
          type="button"
          className="diff-dialog__button diff-dialog__button--apply"
          onClick={() => {
            onApply();
            onClose();
          }}
        >
          {t("editor.applyButton")}
        </button>
      </footer>
    </dialog>
  );
}
