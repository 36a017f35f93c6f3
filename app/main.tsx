import "./theme/init.ts"; // sets data-theme before the first render
import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { ShellSkeleton } from "./ShellSkeleton.tsx";
import { registerSchema } from "../src/kubectl/schema-registry.ts";
import "./styles.css";
import "./lab-app.css";

// The first chunk is the app shell (React, the header, a placeholder); the lab itself — the
// simulated cluster, kubectl, the views and the lesson — is its own chunk, fetched at once.
const LabApp = lazy(() => import("./LabApp.tsx"));

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={<ShellSkeleton />}>
      <LabApp />
    </Suspense>
  </StrictMode>,
);

// `kubectl explain` needs the Kubernetes schema; it stays out of the first chunk (the editor's
// chunk shares it) and is registered once it arrives.
void import("../src/schemas/kubernetes.schema.json").then((m) => registerSchema(m.default));
