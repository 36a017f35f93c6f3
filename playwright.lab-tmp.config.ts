// TEMPORARY (UI engineer's local runs; delete before commit): same as playwright.config.ts on port 4183,
// because another checkout's `vite preview` holds 4173 and Playwright would reuse it.
import base from "./playwright.config.ts";
import { defineConfig } from "@playwright/test";
export default defineConfig({
  ...base,
  use: { ...base.use, baseURL: "http://127.0.0.1:4183" },
  webServer: { ...base.webServer, command: "npx vite preview --host 127.0.0.1 --port 4183 --strictPort", url: "http://127.0.0.1:4183", reuseExistingServer: false },
});
