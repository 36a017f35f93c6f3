import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// One-way layers (DESIGN.md): sim ← cron ← api ← runtime ← kubelet/controllers ← cluster.ts ← kubectl ← lab ← app.
// Each entry forbids a folder from importing the layers above it.
const framework = [
  "react",
  "react-dom",
  "react-dom/*",
  "zustand",
  "zustand/*",
  "monaco-editor",
  "monaco-editor/*",
  "monaco-yaml",
  "monaco-yaml/*",
  "@xterm/*",
];
const above = {
  sim: ["cron", "api", "runtime", "kubelet", "controllers", "kubectl", "lab", "cli"],
  cron: ["api", "runtime", "kubelet", "controllers", "kubectl", "lab", "cli"],
  api: ["runtime", "kubelet", "controllers", "kubectl", "lab", "cli"],
  runtime: ["kubelet", "controllers", "kubectl", "lab", "cli"],
  kubelet: ["controllers", "kubectl", "lab", "cli"],
  controllers: ["kubelet", "kubectl", "lab", "cli"],
  kubectl: ["lab", "cli"],
  lab: ["cli"],
};
const layerRule = (folder, banned) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: framework, message: "src/ is framework-free (DESIGN.md)." },
          {
            group: [
              ...banned.flatMap((l) => [`**/${l}/**`, `**/${l}`]),
              ...(banned.includes("kubectl") ? ["**/cluster", "**/cluster.ts"] : []),
              "**/app/**",
            ],
            message: `src/${folder} may not import a higher layer (DESIGN.md).`,
          },
        ],
      },
    ],
  },
});

export default defineConfig([
  globalIgnores([
    "dist",
    "node_modules",
    "playwright-report",
    "test-results",
    "reports",
    "src/schemas",
  ]),
  {
    files: ["**/*.{ts,tsx}"],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommendedTypeChecked,
      reactHooks.configs.flat.recommended,
    ],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: framework, message: "src/ is framework-free (DESIGN.md)." }] },
      ],
    },
  },
  ...Object.entries(above).map(([folder, banned]) => layerRule(folder, banned)),
  {
    files: ["src/cluster.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...framework, "**/kubectl/**", "**/lab/**", "**/cli/**"],
              message: "cluster.ts sits below kubectl (DESIGN.md).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/src/controllers/**", "**/src/kubelet/**", "**/src/runtime/**"],
              message: "The UI reads the cluster through src/cluster.ts only (DESIGN.md).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["*.config.{js,ts}", "e2e/**/*.ts", "scripts/**/*.ts", "src/cli/**/*.ts"],
    languageOptions: { globals: globals.node },
  },
  { files: ["**/*.js"], extends: [tseslint.configs.disableTypeChecked] },
]);
