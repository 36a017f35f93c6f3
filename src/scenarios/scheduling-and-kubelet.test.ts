import { describe, expect, test } from "vitest";
import { jobYaml, scenario } from "./harness.ts";

const withResources = (name: string, cpu: string, memory: string, parallelism = 1) =>
  jobYaml(
    name,
    `completions: ${parallelism}\nparallelism: ${parallelism}`,
    "sleep 30",
    "restartPolicy: Never",
  ).replace(
    "        command:",
    `        resources:\n          requests:\n            cpu: "${cpu}"\n            memory: ${memory}\n        command:`,
  );

describe("scheduling (issue #3: node allocatable, PVCs, ServiceAccounts)", () => {
  test("requests that fit no node leave the pod Pending with FailedScheduling; it runs once room frees up", () => {
    const s = scenario({
      "big.yaml": withResources("big", "3", "1Gi", 2),
      "huge.yaml": withResources("huge", "2", "20Gi"),
      "more.yaml": withResources("more", "1500m", "512Mi"),
    });
    expect(
      s.run(`
      kubectl apply -f big.yaml
      kubectl apply -f huge.yaml
      kubectl apply -f more.yaml
      sleep 5s
      kubectl get pods -o wide
      kubectl get events --field-selector reason=FailedScheduling
      kubectl get pod -l job-name=more -o jsonpath='{.items[0].status.conditions[0]}'
      sleep 60s
      kubectl get pods -o wide
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f big.yaml
      job.batch/big created
      $ kubectl apply -f huge.yaml
      job.batch/huge created
      $ kubectl apply -f more.yaml
      job.batch/more created
      $ sleep 5s
      $ kubectl get pods -o wide
      NAME         READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
      big-rg26b    1/1     Running   0          5s    10.244.1.2   node-1   <none>           <none>
      big-tclzb    1/1     Running   0          5s    10.244.2.2   node-2   <none>           <none>
      huge-xm7c6   0/1     Pending   0          5s    <none>       <none>   <none>           <none>
      more-v666g   0/1     Pending   0          5s    <none>       <none>   <none>           <none>
      $ kubectl get events --field-selector reason=FailedScheduling
      LAST SEEN   TYPE      REASON             OBJECT           MESSAGE
      5s          Warning   FailedScheduling   pod/huge-xm7c6   0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.
      5s          Warning   FailedScheduling   pod/more-v666g   0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.
      $ kubectl get pod -l job-name=more -o jsonpath='{.items[0].status.conditions[0]}'
      {"lastProbeTime":null,"lastTransitionTime":"2026-01-05T00:00:00Z","message":"0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.","reason":"Unschedulable","status":"False","type":"PodScheduled"}$ sleep 60s
      $ kubectl get pods -o wide
      NAME         READY   STATUS      RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
      big-rg26b    0/1     Completed   0          65s   10.244.1.2   node-1   <none>           <none>
      big-tclzb    0/1     Completed   0          65s   10.244.2.2   node-2   <none>           <none>
      huge-xm7c6   0/1     Pending     0          65s   <none>       <none>   <none>           <none>
      more-v666g   0/1     Completed   0          65s   10.244.1.3   node-1   <none>           <none>
      "
    `);
  });

  test("a missing PVC keeps the pod Pending until the claim exists; the claim is Bound at once", () => {
    const s = scenario({
      "job.yaml": jobYaml(
        "uses-pvc",
        "completions: 1",
        "echo saved > /data/out.txt; cat /data/out.txt",
        "restartPolicy: Never\nvolumes:\n- name: data\n  persistentVolumeClaim:\n    claimName: data",
      ).replace(
        "        command:",
        "        volumeMounts:\n        - name: data\n          mountPath: /data\n        command:",
      ),
      "pvc.yaml": `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 2Gi
`,
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 3s
      kubectl get pods
      kubectl describe pod -l job-name=uses-pvc | grep -A 4 Events
      kubectl apply -f pvc.yaml
      kubectl get pvc data -o jsonpath='{.status.phase} {.spec.storageClassName} {.status.capacity.storage}'
      sleep 5s
      kubectl get pods
      kubectl logs job/uses-pvc
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/uses-pvc created
      $ sleep 3s
      $ kubectl get pods
      NAME             READY   STATUS    RESTARTS   AGE
      uses-pvc-rg26b   0/1     Pending   0          3s
      $ kubectl describe pod -l job-name=uses-pvc | grep -A 4 Events
      Events:
        Type     Reason            Age   From               Message
        ----     ------            ----  ----               -------
        Warning  FailedScheduling  3s    default-scheduler  0/2 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.
      $ kubectl apply -f pvc.yaml
      persistentvolumeclaim/data created
      $ kubectl get pvc data -o jsonpath='{.status.phase} {.spec.storageClassName} {.status.capacity.storage}'
      Bound standard 2Gi$ sleep 5s
      $ kubectl get pods
      NAME             READY   STATUS      RESTARTS   AGE
      uses-pvc-rg26b   0/1     Completed   0          8s
      $ kubectl logs job/uses-pvc
      saved
      "
    `);
  });

  test("a missing ServiceAccount: FailedCreate with the API server's Forbidden message", () => {
    const s = scenario({
      "job.yaml": jobYaml(
        "exporter",
        "completions: 1",
        "echo hi",
        "restartPolicy: Never\nserviceAccountName: metrics-exporter",
      ),
    });
    expect(
      s.run(`
      kubectl get serviceaccounts
      kubectl apply -f job.yaml
      sleep 2s
      kubectl get pods
      kubectl get events --field-selector involvedObject.name=exporter
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl get serviceaccounts
      NAME      AGE
      default   0s
      $ kubectl apply -f job.yaml
      job.batch/exporter created
      $ sleep 2s
      $ kubectl get pods
      No resources found in default namespace.
      $ kubectl get events --field-selector involvedObject.name=exporter
      LAST SEEN   TYPE      REASON         OBJECT         MESSAGE
      1s          Warning   FailedCreate   job/exporter   Error creating: pods "exporter-" is forbidden: error looking up service account default/metrics-exporter: serviceaccount "metrics-exporter" not found
      "
    `);
  });
});

describe("kubelet details (spec §3)", () => {
  test("pod-level activeDeadlineSeconds fails the pod with DeadlineExceeded", () => {
    const s = scenario({
      "pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  restartPolicy: Never
  activeDeadlineSeconds: 5
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "echo start; sleep 600"]
`,
    });
    expect(
      s.run(`
      kubectl apply -f pod.yaml
      sleep 3s
      kubectl get pods
      sleep 5s
      kubectl get pods
      kubectl get pod slow -o jsonpath='{.status.phase} {.status.reason}: {.status.message}'
      kubectl logs slow
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f pod.yaml
      pod/slow created
      $ sleep 3s
      $ kubectl get pods
      NAME   READY   STATUS    RESTARTS   AGE
      slow   1/1     Running   0          3s
      $ sleep 5s
      $ kubectl get pods
      NAME   READY   STATUS   RESTARTS   AGE
      slow   0/1     Error    0          8s
      $ kubectl get pod slow -o jsonpath='{.status.phase} {.status.reason}: {.status.message}'
      Failed DeadlineExceeded: Pod was active on the node longer than the specified deadline$ kubectl logs slow
      start
      "
    `);
  });

  test("init containers: Init:0/1 while running, PodInitializing, Init:Error and Init:CrashLoopBackOff", () => {
    const pod = (name: string, policy: string, init: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${policy}
  initContainers:
  - name: prepare
    image: busybox:1.36
    command: ["sh", "-c", ${JSON.stringify(init)}]
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "echo main"]
`;
    const s = scenario(
      {
        "ok.yaml": pod("ok", "Never", "sleep 3"),
        "never.yaml": pod("never", "Never", "exit 1"),
        "onfailure.yaml": pod("onfailure", "OnFailure", "exit 2"),
      },
      { preloadedImages: ["busybox:1.36"] },
    );
    expect(
      s.run(`
      kubectl apply -f ok.yaml
      kubectl apply -f never.yaml
      kubectl apply -f onfailure.yaml
      sleep 2s
      kubectl get pods
      sleep 1700ms
      kubectl get pods ok
      sleep 10s
      kubectl get pods
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f ok.yaml
      pod/ok created
      $ kubectl apply -f never.yaml
      pod/never created
      $ kubectl apply -f onfailure.yaml
      pod/onfailure created
      $ sleep 2s
      $ kubectl get pods
      NAME        READY   STATUS                  RESTARTS     AGE
      never       0/1     Init:Error              0            2s
      ok          0/1     Init:0/1                0            2s
      onfailure   0/1     Init:CrashLoopBackOff   1 (2s ago)   2s
      $ sleep 1700ms
      $ kubectl get pods ok
      NAME   READY   STATUS            RESTARTS   AGE
      ok     0/1     PodInitializing   0          3s
      $ sleep 10s
      $ kubectl get pods
      NAME        READY   STATUS                  RESTARTS     AGE
      never       0/1     Init:Error              0            13s
      ok          0/1     Completed               0            13s
      onfailure   0/1     Init:CrashLoopBackOff   2 (2s ago)   13s
      "
    `);
  });
});
