import base from "./playwright.config.ts";
// Temporary (viz engineer's local runs on a private port, so parallel sessions do not collide).
export default {
  ...base,
  reporter: [["list"]],
  outputDir: "/tmp/viz-results",
  use: { ...base.use, baseURL: "http://127.0.0.1:4179" },
  webServer: { ...base.webServer, command: "npx vite preview --host 127.0.0.1 --port 4179 --strictPort", url: "http://127.0.0.1:4179", reuseExistingServer: false },
};
