import type { Node, Pod } from "../../src/api/types.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { useLabActions } from "../state/hooks.ts";
import { useViz, useVizLab } from "./context.tsx";

const ready = (n: Node) =>
  n.status.conditions.some((c) => c.type === "Ready" && c.status === "True");

/** The nodes as lanes: each with its state and how many pods run there; click to inspect. */
export function NodeStrip({ nodes, pods }: { nodes: readonly Node[]; pods: readonly Pod[] }) {
  const viz = useVizLab();
  const actions = useLabActions();
  const selection = useViz((s) => s.selection);
  const t = useT();
  const [slow, setSlow] = [
    useViz((s) => s.slowPulls),
    (v: boolean) => viz?.store.setState({ slowPulls: v }),
  ];
  return (
    <ul className="nodes" aria-label={t("nodes.label")} data-testid="nodes">
      {nodes.map((n) => {
        const name = n.metadata.name ?? "";
        const ok = ready(n);
        const count = pods.filter(
          (p) =>
            p.spec.nodeName === name &&
            p.status?.phase !== "Succeeded" &&
            p.status?.phase !== "Failed",
        ).length;
        return (
          <li
            key={name}
            className={`node${ok ? "" : " node--down"}`}
            data-node={name}
            data-ready={ok}
          >
            <button
              type="button"
              className="node__btn"
              aria-pressed={selection?.kind === "Node" && selection.name === name}
              onClick={() => viz?.store.setState({ selection: { kind: "Node", name } })}
              title={t("nodes.title", { name, state: ok ? "Ready" : "NotReady", count })}
            >
              <span aria-hidden="true">{ok ? "▣" : "▨"}</span> {name}
              <span className="node__state">{ok ? "Ready" : "NotReady"}</span>
              <span className="node__count">{count}</span>
            </button>
          </li>
        );
      })}
      <li className="nodes__slow">
        <label title={t("nodes.slowTitle")}>
          <input
            type="checkbox"
            checked={slow}
            onChange={(e) => {
              setSlow(e.target.checked);
              actions.exec(`lab fault slow-pulls ${e.target.checked ? 10 : 1}`);
            }}
          />{" "}
          {t("nodes.slow")}
        </label>
      </li>
    </ul>
  );
}
