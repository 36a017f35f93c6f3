import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/I18nProvider.tsx";
import { Markdown } from "./Markdown.tsx";

/** docs/packs.md, fetched on first opening: it stays out of the app shell. */
let docText: Promise<string> | undefined;
const loadDoc = () =>
  (docText ??= import("../../docs/packs.md?raw").then(
    (m: { default: string }) => m.default,
    (e: unknown) => {
      docText = undefined; // try again on the next opening
      throw e;
    },
  ));

/**
 * "For instructors": a link opening the pack format's documentation (docs/packs.md, in English)
 * in a modal dialog. Escape or the close button closes it; focus returns to the link.
 */
export function InstructorsDoc() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    closeButton.current?.focus();
    let live = true;
    loadDoc().then(
      (s) => live && setText(s),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [open]);

  /** Closed (by the button, or by the browser on Escape): unmount, and focus the link again. */
  const closed = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const close = () => {
    const d = dialog.current;
    // Closing the dialog fires "close", which calls `closed`.
    if (d?.open) d.close();
    else closed();
  };

  return (
    <>
      <button
        type="button"
        ref={opener}
        className="instructors-link"
        onClick={() => {
          setFailed(false);
          setOpen(true);
        }}
        aria-haspopup="dialog"
        data-testid="instructors-open"
      >
        {t("lesson.forInstructors")}
      </button>
      {open && (
        <dialog
          ref={dialog}
          className="instructors-doc"
          aria-labelledby="instructors-doc-title"
          data-testid="instructors-doc"
          // Escape: the browser closes the modal dialog, then fires "close".
          onClose={closed}
        >
          <header className="instructors-doc__head">
            <h2 id="instructors-doc-title">{t("lesson.forInstructors")}</h2>
            <button
              type="button"
              ref={closeButton}
              className="instructors-doc__close"
              onClick={close}
              aria-label={t("lesson.closeDoc")}
              title={t("lesson.closeDoc")}
              data-testid="instructors-close"
            >
              ×
            </button>
          </header>
          <p className="instructors-doc__note">{t("lesson.docInEnglish")}</p>
          <div className="instructors-doc__body" lang="en">
            {failed ? (
              <p role="alert">{t("lesson.docFailed")}</p>
            ) : text === undefined ? (
              <p>{t("lesson.docLoading")}</p>
            ) : (
              <Markdown source={text} />
            )}
          </div>
        </dialog>
      )}
    </>
  );
}
