/** Small inline icons (fonts on learners' machines may lack ⏭ and friends). Decorative only. */
const svg = { width: 12, height: 12, viewBox: "0 0 12 12", "aria-hidden": true } as const;

export const PlayIcon = () => (
  <svg {...svg}>
    <path d="M3 1.5v9l7.5-4.5z" fill="currentColor" />
  </svg>
);

export const PauseIcon = () => (
  <svg {...svg}>
    <rect x="2.5" y="1.5" width="2.5" height="9" rx="0.5" fill="currentColor" />
    <rect x="7" y="1.5" width="2.5" height="9" rx="0.5" fill="currentColor" />
  </svg>
);

export const NextIcon = () => (
  <svg {...svg}>
    <path d="M1.5 1.5v9l6-4.5z" fill="currentColor" />
    <rect x="8.5" y="1.5" width="2" height="9" rx="0.5" fill="currentColor" />
  </svg>
);

/** The light theme (shown while it is on). */
export const SunIcon = () => (
  <svg {...svg}>
    <circle cx="6" cy="6" r="2.25" fill="currentColor" />
    <path
      d="M6 .75v1.5M6 9.75v1.5M.75 6h1.5M9.75 6h1.5M2.3 2.3l1.05 1.05M8.65 8.65 9.7 9.7M2.3 9.7l1.05-1.05M8.65 3.35 9.7 2.3"
      stroke="currentColor"
      strokeWidth="1.2"
      strokeLinecap="round"
    />
  </svg>
);

/** The dark theme (shown while it is on). */
export const MoonIcon = () => (
  <svg {...svg}>
    <path d="M9.9 7.6A4.4 4.4 0 0 1 4.4 2.1a4.4 4.4 0 1 0 5.5 5.5z" fill="currentColor" />
  </svg>
);
