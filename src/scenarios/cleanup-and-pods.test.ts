import { describe, expect, test } from "vitest";
import type { Pod } from "../api/types.ts";
import { jobStatus, jobYaml, scenario } from "./harness.ts";

describe("TTL and garbage collection (spec §2.12, §5)", () => {
  test("deleting a Job (background) removes its pods; running ones terminate first", () => {
    const s = scenario({
      "job.yaml": jobYaml(
        "gc",
        "completions: 2\nparallelism: 2",
        "sleep 600",
        "restartPolicy: Never",
      ),
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 3s
      kubectl delete job gc
      kubectl get jobs,pods
      sleep 31s
      kubectl get jobs,pods
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/gc created
      $ sleep 3s
      $ kubectl delete job gc
      job.batch "gc" deleted from default namespace
      $ kubectl get jobs,pods
      NAME           READY   STATUS        RESTARTS   AGE
      pod/gc-rg26b   1/1     Terminating   0          3s
      pod/gc-tclzb   1/1     Terminating   0          3s
      $ sleep 31s
      $ kubectl get jobs,pods
      No resources found in default namespace.
      "
    `);
  });

  test("Orphan propagation keeps the pods, without owner reference", () => {
    const s = scenario({ "job.yaml": jobYaml("orph", "", "sleep 600", "restartPolicy: Never") });
    s.run("kubectl apply -f job.yaml\nsleep 3s");
    s.cluster.api.delete("Job", "default", "orph", { propagationPolicy: "Orphan" });
    s.cluster.advance(1000);
    const pods = s.cluster.store.list<Pod>("Pod");
    expect(pods.map((p) => [p.metadata.name, p.metadata.ownerReferences ?? "none"]))
      .toMatchInlineSnapshot(`
      [
        [
          "orph-rg26b",
          "none",
        ],
      ]
    `);
    expect(jobStatus(s, "orph")).toBe("<gone>");
  });

  test("ttlSecondsAfterFinished: 0 deletes a failed Job right after it finishes", () => {
    const s = scenario({
      "job.yaml": jobYaml(
        "ttl0",
        "backoffLimit: 0\nttlSecondsAfterFinished: 0",
        "exit 2",
        "restartPolicy: Never",
      ),
    });
    expect(
      s.run(
        "kubectl apply -f job.yaml\nsleep 2s\nkubectl get jobs,pods\nsleep 2s\nkubectl get jobs,pods",
      ),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/ttl0 created
      $ sleep 2s
      $ kubectl get jobs,pods
      NAME             STATUS    COMPLETIONS   DURATION   AGE
      job.batch/ttl0   Running   0/1           2s         2s

      NAME             READY   STATUS   RESTARTS   AGE
      pod/ttl0-rg26b   0/1     Error    0          2s
      $ sleep 2s
      $ kubectl get jobs,pods
      No resources found in default namespace.
      "
    `);
  });
});

describe("pods as the kubelet runs them (spec §3)", () => {
  const pod = (restartPolicy: string) => `apiVersion: v1
kind: Pod
metadata:
  name: my-pod
spec:
  containers:
  - name: math
    image: busybox
    command: ["sh", "-c", "expr 1 + 2"]
${restartPolicy ? `  restartPolicy: ${restartPolicy}` : ""}
`;

  test("course: a bare Pod with OnFailure running expr 1 + 2 ends Completed", () => {
    const s = scenario({ "pod.yaml": pod("OnFailure") });
    expect(s.run("kubectl apply -f pod.yaml\nsleep 5s\nkubectl get pods\nkubectl logs my-pod"))
      .toMatchInlineSnapshot(`
      "$ kubectl apply -f pod.yaml
      pod/my-pod created
      $ sleep 5s
      $ kubectl get pods
      NAME     READY   STATUS      RESTARTS   AGE
      my-pod   0/1     Completed   0          5s
      $ kubectl logs my-pod
      3
      "
    `);
  });

  test("course: without restartPolicy (Always) the same Pod is restarted forever with back-off", () => {
    const s = scenario({ "pod.yaml": pod("") });
    expect(
      s.run(`
      kubectl apply -f pod.yaml
      sleep 3s
      kubectl get pods
      sleep 20s
      kubectl get pods
      sleep 277s
      kubectl get pods
      kubectl describe pod my-pod
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f pod.yaml
      pod/my-pod created
      $ sleep 3s
      $ kubectl get pods
      NAME     READY   STATUS             RESTARTS     AGE
      my-pod   0/1     CrashLoopBackOff   1 (1s ago)   3s
      $ sleep 20s
      $ kubectl get pods
      NAME     READY   STATUS             RESTARTS      AGE
      my-pod   0/1     CrashLoopBackOff   2 (11s ago)   23s
      $ sleep 277s
      $ kubectl get pods
      NAME     READY   STATUS             RESTARTS        AGE
      my-pod   0/1     CrashLoopBackOff   5 (2m26s ago)   5m
      $ kubectl describe pod my-pod
      Name:             my-pod
      Namespace:        default
      Priority:         0
      Service Account:  default
      Node:             node-1/172.18.0.2
      Start Time:       Mon, 05 Jan 2026 00:00:00 +0000
      Labels:           <none>
      Annotations:      <none>
      Status:           Running
      IP:               10.244.1.2
      IPs:
        IP:  10.244.1.2
      Containers:
        math:
          Container ID:  containerd://4a91f4c10cf386146d78f552c9702e0547a663f5297840c4daa83936a479ec65
          Image:         busybox
          Image ID:      docker.io/library/busybox@sha256:6d14e5fbdfe996749c684430702559b15d4ea02b1478518889a28068f11add6d
          Port:          <none>
          Host Port:     <none>
          Command:
            sh
            -c
            expr 1 + 2
          State:          Waiting
            Reason:       CrashLoopBackOff
          Last State:     Terminated
            Reason:       Completed
            Exit Code:    0
            Started:      Mon, 05 Jan 2026 00:02:34 +0000
            Finished:     Mon, 05 Jan 2026 00:02:34 +0000
          Ready:          False
          Restart Count:  5
          Environment:    <none>
          Mounts:         <none>
      Conditions:
        Type                        Status
        PodReadyToStartContainers   True 
        Initialized                 True 
        Ready                       False 
        ContainersReady             False 
        PodScheduled                True 
      Volumes:                      <none>
      QoS Class:                    BestEffort
      Node-Selectors:               <none>
      Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                    node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
      Events:
        Type     Reason     Age                    From               Message
        ----     ------     ----                   ----               -------
        Normal   Scheduled  5m                     default-scheduler  Successfully assigned default/my-pod to node-1
        Normal   Pulled     4m59s                  kubelet            Successfully pulled image "busybox" in 880ms (880ms including waiting). Image size: 2161423 bytes.
        Normal   Pulling    2m27s (x6 over 5m)     kubelet            Pulling image "busybox"
        Normal   Created    2m26s (x6 over 4m59s)  kubelet            Created container: math
        Normal   Started    2m26s (x6 over 4m59s)  kubelet            Started container math
        Normal   Pulled     2m26s (x5 over 4m59s)  kubelet            Successfully pulled image "busybox" in 400ms (400ms including waiting). Image size: 2161423 bytes.
        Warning  BackOff    2m26s (x5 over 4m58s)  kubelet            Back-off restarting failed container math in pod my-pod_default(3c7b9b06-776d-41df-baf7-89922b3c6550)
      "
    `);
  });

  test("an image that does not exist: ErrImagePull then ImagePullBackOff", () => {
    const s = scenario({
      "job.yaml": jobYaml("typo", "", "echo hi", "restartPolicy: Never").replace(
        "busybox:1.36",
        "busyboxx",
      ),
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 2s
      kubectl get pods
      sleep 5s
      kubectl get pods
      sleep 60s
      kubectl get jobs,pods
      kubectl describe pod typo
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/typo created
      $ sleep 2s
      $ kubectl get pods
      NAME         READY   STATUS         RESTARTS   AGE
      typo-rg26b   0/1     ErrImagePull   0          2s
      $ sleep 5s
      $ kubectl get pods
      NAME         READY   STATUS             RESTARTS   AGE
      typo-rg26b   0/1     ImagePullBackOff   0          7s
      $ sleep 60s
      $ kubectl get jobs,pods
      NAME             STATUS    COMPLETIONS   DURATION   AGE
      job.batch/typo   Running   0/1           67s        67s

      NAME             READY   STATUS             RESTARTS   AGE
      pod/typo-rg26b   0/1     ImagePullBackOff   0          67s
      $ kubectl describe pod typo
      Name:             typo-rg26b
      Namespace:        default
      Priority:         0
      Service Account:  default
      Node:             node-1/172.18.0.2
      Start Time:       Mon, 05 Jan 2026 00:00:00 +0000
      Labels:           batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        batch.kubernetes.io/job-name=typo
                        controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        job-name=typo
      Annotations:      <none>
      Status:           Pending
      IP:               10.244.1.2
      IPs:
        IP:           10.244.1.2
      Controlled By:  Job/typo
      Containers:
        main:
          Container ID:  
          Image:         busyboxx
          Image ID:      
          Port:          <none>
          Host Port:     <none>
          Command:
            sh
            -c
            echo hi
          State:          Waiting
            Reason:       ImagePullBackOff
          Ready:          False
          Restart Count:  0
          Environment:    <none>
          Mounts:         <none>
      Conditions:
        Type                        Status
        PodReadyToStartContainers   True 
        Initialized                 True 
        Ready                       False 
        ContainersReady             False 
        PodScheduled                True 
      Volumes:                      <none>
      QoS Class:                    BestEffort
      Node-Selectors:               <none>
      Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                    node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
      Events:
        Type     Reason     Age                From               Message
        ----     ------     ----               ----               -------
        Normal   Scheduled  67s                default-scheduler  Successfully assigned default/typo-rg26b to node-1
        Normal   Pulling    33s (x3 over 67s)  kubelet            Pulling image "busyboxx"
        Warning  Failed     31s (x3 over 66s)  kubelet            Failed to pull image "busyboxx": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/busyboxx:latest": failed to resolve reference "docker.io/library/busyboxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed
        Warning  Failed     31s (x3 over 66s)  kubelet            Error: ErrImagePull
        Normal   BackOff    30s (x3 over 65s)  kubelet            Back-off pulling image "busyboxx"
        Warning  Failed     30s (x3 over 65s)  kubelet            Error: ImagePullBackOff
      "
    `);
  });

  test("a missing Secret key: CreateContainerConfigError with the kubelet's message", () => {
    const s = scenario({
      "job.yaml": jobYaml("sec", "", "echo $P", "restartPolicy: Never").replace(
        "        command:",
        "        env:\n        - name: P\n          valueFrom:\n            secretKeyRef: {name: db-secret, key: password}\n        command:",
      ),
    });
    expect(s.run("kubectl apply -f job.yaml\nsleep 5s\nkubectl get pods\nkubectl describe pod sec"))
      .toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/sec created
      $ sleep 5s
      $ kubectl get pods
      NAME        READY   STATUS                       RESTARTS   AGE
      sec-rg26b   0/1     CreateContainerConfigError   0          5s
      $ kubectl describe pod sec
      Name:             sec-rg26b
      Namespace:        default
      Priority:         0
      Service Account:  default
      Node:             node-1/172.18.0.2
      Start Time:       Mon, 05 Jan 2026 00:00:00 +0000
      Labels:           batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        batch.kubernetes.io/job-name=sec
                        controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        job-name=sec
      Annotations:      <none>
      Status:           Pending
      IP:               10.244.1.2
      IPs:
        IP:           10.244.1.2
      Controlled By:  Job/sec
      Containers:
        main:
          Container ID:  
          Image:         busybox:1.36
          Image ID:      
          Port:          <none>
          Host Port:     <none>
          Command:
            sh
            -c
            echo $P
          State:          Waiting
            Reason:       CreateContainerConfigError
          Ready:          False
          Restart Count:  0
          Environment:
            P:     <set to the key 'password' in secret 'db-secret'>  Optional: false
          Mounts:  <none>
      Conditions:
        Type                        Status
        PodReadyToStartContainers   True 
        Initialized                 True 
        Ready                       False 
        ContainersReady             False 
        PodScheduled                True 
      Volumes:                      <none>
      QoS Class:                    BestEffort
      Node-Selectors:               <none>
      Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                    node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
      Events:
        Type     Reason     Age   From               Message
        ----     ------     ----  ----               -------
        Normal   Scheduled  5s    default-scheduler  Successfully assigned default/sec-rg26b to node-1
        Normal   Pulling    5s    kubelet            Pulling image "busybox:1.36"
        Normal   Pulled     4s    kubelet            Successfully pulled image "busybox:1.36" in 834ms (834ms including waiting). Image size: 2155872 bytes.
        Warning  Failed     4s    kubelet            Error: secret "db-secret" not found
      "
    `);
  });
});
