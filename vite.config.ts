import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

const monacoEsm = fileURLToPath(new URL("./node_modules/monaco-editor/esm/vs/", import.meta.url));

export default defineConfig({
  root: "app",
  publicDir: fileURLToPath(new URL("./public", import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: [
      // monaco-editor >=0.56 exports "./*" -> "./esm/vs/*.js"; monaco-worker-manager (monaco-yaml's
      // worker) still imports "monaco-editor/esm/vs/editor/editor.worker.js" (TOOLCHAIN.md §6.1).
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` },
    ],
  },
  optimizeDeps: { include: ["monaco-yaml/yaml.worker.js"] },
  worker: { format: "es" },
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
  },
  preview: { host: "127.0.0.1", port: 4173 },
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["src/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    environment: "node",
    setupFiles: ["./vitest.setup.ts"],
  },
});
