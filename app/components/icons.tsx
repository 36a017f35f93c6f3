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
