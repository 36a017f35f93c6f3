import { useEffect, useRef } from "react";
import type { MessageKey, Translate } from "../i18n/i18n.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import type { ImportOutcome } from "./controller.ts";
import { useLesson, useLessonController } from "./LessonContext.tsx";
import { MAX_PROGRESS_CHARS } from "./progress.ts";

function outcomeText(t: Translate, o: ImportOutcome): string {
  if (o.ok) return t("progress.imported", { done: o.done });
  const e = o.error;
  const key = `progress.error.${e.code}` as MessageKey;
  return t("progress.importFailed", { reason: t(key, e) });
}

/** Export progress to a JSON file; import one back (checked whole, with a clear refusal). */
export function ProgressTransfer() {
  const t = useT();
  const controller = useLessonController();
  const last = useLesson((s) => s.lastImport);
  const input = useRef<HTMLInputElement>(null);
  const message = useRef<HTMLParagraphElement>(null);
  // The outcome shows below the buttons, at the end of a long list: bring it into view.
  useEffect(() => {
    if (last) message.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [last]);
  const exportFile = () => {
    const blob = new Blob([controller.exportProgress()], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "batch-lab-progress.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    // Refused before reading: a file this large is not a progress file (and could be huge).
    if (file.size > MAX_PROGRESS_CHARS * 4) controller.refuseImport({ code: "tooLarge" });
    else controller.importProgress(await file.text());
    if (input.current) input.current.value = "";
  };
  return (
    <section className="transfer" aria-label={t("progress.title")}>
      <div className="transfer__buttons">
        <button
          type="button"
          className="btn btn--quiet"
          onClick={exportFile}
          data-testid="export-progress"
        >
          {t("progress.export")}
        </button>
        <button
          type="button"
          className="btn btn--quiet"
          onClick={() => input.current?.click()}
          data-testid="import-progress"
        >
          {t("progress.import")}
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          hidden
          onChange={(e) => void importFile(e.target.files?.[0])}
          data-testid="import-file"
        />
      </div>
      {last && (
        <p
          ref={message}
          className={`transfer__msg ${last.ok ? "is-ok" : "is-error"}`}
          role={last.ok ? "status" : "alert"}
        >
          <span data-testid="import-result">{outcomeText(t, last)}</span>
          <button
            type="button"
            className="transfer__dismiss"
            onClick={() => controller.dismissImport()}
            aria-label={t("app.dismiss")}
          >
            ×
          </button>
        </p>
      )}
    </section>
  );
}
