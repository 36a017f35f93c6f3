import { describe, expect, it } from "vitest";
import type { Node } from "../../api/types.ts";
import { describeNode } from "./describe-node.ts";
import { nodeTable } from "./misc.ts";
import { printTable } from "./table.ts";
import { at, cs, job, now, piJob, pod } from "./test-fixtures.ts";

/** The node src/cluster.ts creates, with a creation time. */
function node(name: string, index: number): Node {
  const t = at(0);
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      creationTimestamp: t,
      labels: {
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        ...(index === 0 ? { "node-role.kubernetes.io/control-plane": "" } : {}),
      },
    },
    spec: { podCIDR: `10.244.${index + 1}.0/24` },
    status: {
      capacity: { cpu: "4", memory: "8148204Ki", pods: "110", "ephemeral-storage": "102626232Ki" },
      allocatable: {
        cpu: "4",
        memory: "8148204Ki",
        pods: "110",
        "ephemeral-storage": "102626232Ki",
      },
      conditions: [
        {
          type: "MemoryPressure",
          status: "False",
          reason: "KubeletHasSufficientMemory",
          message: "kubelet has sufficient memory available",
          lastHeartbeatTime: t,
          lastTransitionTime: t,
        },
        {
          type: "Ready",
          status: "True",
          reason: "KubeletReady",
          message: "kubelet is posting ready status",
          lastHeartbeatTime: t,
          lastTransitionTime: t,
        },
      ],
      addresses: [
        { type: "InternalIP", address: `172.18.0.${index + 2}` },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        architecture: "amd64",
        containerRuntimeVersion: "containerd://2.1.3",
        kernelVersion: "6.8.0-lab",
        kubeProxyVersion: "",
        kubeletVersion: "v1.34.0",
        operatingSystem: "linux",
        osImage: "Debian GNU/Linux 12 (bookworm)",
      },
    },
  };
}

describe("kubectl get nodes", () => {
  it("prints STATUS, ROLES and VERSION, wide adds addresses and node info", () => {
    const cordoned = node("node-2", 1);
    cordoned.spec = { ...cordoned.spec, unschedulable: true };
    expect(printTable(nodeTable([node("node-1", 0), cordoned], now(7200)), { wide: true })).toBe(
      `NAME     STATUS                     ROLES           AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME
node-1   Ready                      control-plane   120m   v1.34.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-lab        containerd://2.1.3
node-2   Ready,SchedulingDisabled   <none>          120m   v1.34.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-lab        containerd://2.1.3
`,
    );
  });
});

describe("kubectl describe node", () => {
  it("lists the node's non-terminated pods and their resource totals", () => {
    const heavy = job({ name: "heavy", uid: "ff000000-0000-4000-8000-000000000001" });
    heavy.spec.template.spec.containers[0].resources = {
      requests: { cpu: "500m", memory: "256Mi" },
      limits: { cpu: "1", memory: "512Mi" },
    };
    const pods = [
      pod({
        name: "heavy-a1b2c",
        job: heavy,
        created: 30,
        ready: true,
        statuses: [cs("heavy", { running: { startedAt: at(31) } }, { ready: true })],
      }),
      pod({ name: "pi-x7k2p", job: piJob, phase: "Succeeded", statuses: [] }),
    ];
    expect(describeNode(node("node-1", 0), [], now(90), pods)).toBe(
      `Name:               node-1
Roles:              control-plane
Labels:             kubernetes.io/arch=amd64
                    kubernetes.io/hostname=node-1
                    kubernetes.io/os=linux
                    node-role.kubernetes.io/control-plane=
Annotations:        <none>
CreationTimestamp:  Mon, 05 Jan 2026 00:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  node-1
  AcquireTime:     <unset>
  RenewTime:       Mon, 05 Jan 2026 00:01:30 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Mon, 05 Jan 2026 00:00:00 +0000   Mon, 05 Jan 2026 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  Ready            True    Mon, 05 Jan 2026 00:00:00 +0000   Mon, 05 Jan 2026 00:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.2
  Hostname:    node-1
Capacity:
  cpu:                4
  ephemeral-storage:  102626232Ki
  memory:             8148204Ki
  pods:               110
Allocatable:
  cpu:                4
  ephemeral-storage:  102626232Ki
  memory:             8148204Ki
  pods:               110
System Info:
  Machine ID:                 
  System UUID:                
  Boot ID:                    
  Kernel Version:             6.8.0-lab
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.1.3
  Kubelet Version:            v1.34.0
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
Non-terminated Pods:          (1 in total)
  Namespace                   Name           CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----           ------------  ----------  ---------------  -------------  ---
  default                     heavy-a1b2c    500m (12%)    1 (25%)     256Mi (3%)       512Mi (6%)     60s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                500m (12%)  1 (25%)
  memory             256Mi (3%)  512Mi (6%)
  ephemeral-storage  0 (0%)      0 (0%)
Events:              <none>
`,
    );
  });
});
