import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./LabApp.tsx";
import { registerSchema } from "../src/kubectl/schema-registry.ts";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// `kubectl explain` needs the Kubernetes schema; it stays out of the first chunk (the editor's
// chunk shares it) and is registered once it arrives.
void import("../src/schemas/kubernetes.schema.json").then((m) => registerSchema(m.default));
