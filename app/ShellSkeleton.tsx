/**
 * What the page shows while the lab's own code (simulator, views, lesson) arrives: the header and
 * a quiet placeholder, from the small first chunk, in the saved or browser language (the i18n
 * catalogue comes with the lab).
 */
const LOADING: Record<string, string> = {
  en: "Loading the lab…",
  fr: "Chargement du lab…",
  ru: "Загрузка лаборатории…",
};

function loadingText(): string {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem("batch-lab:locale");
  } catch {
    // storage blocked: fall back to the browser's languages
  }
  for (const l of [saved, ...navigator.languages]) {
    const base = l?.slice(0, 2).toLowerCase();
    if (base && base in LOADING) return LOADING[base];
  }
  return LOADING.en;
}

export function ShellSkeleton() {
  return (
    <div className="lab" aria-busy="true">
      <header className="lab__header">
        <h1 className="lab__brand">
          <span className="lab__mark" aria-hidden="true" />
          Batch Lab
        </h1>
      </header>
      <div className="lab__loading" role="status">
        <span className="lab__spinner" aria-hidden="true" />
        {loadingText()}
      </div>
    </div>
  );
}
