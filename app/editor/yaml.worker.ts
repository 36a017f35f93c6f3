// monaco-yaml's language-server worker, wrapped locally so Vite bundles it with `?worker`
// (monaco-yaml FAQ; TOOLCHAIN.md §6.6).
import "monaco-yaml/yaml.worker.js";
