import { describe, expect, test } from "vitest";
import { scenario } from "./harness.ts";

const web = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

const client = (name: string, image: string, script: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: ${image}
        command: ["sh", "-c", ${JSON.stringify(script)}]
`;

/** Services, DNS and what the backing pod's image answers (issue #3, spec §9 curl rules). */
describe("in-cluster Services for curl, wget and pg_dump", () => {
  test("curl and wget reach nginx by every DNS form; unknown hosts and ports fail as the tools do", () => {
    const s = scenario({
      "web.yaml": web,
      "curl.yaml": client(
        "curl",
        "curlimages/curl:8.11.1",
        [
          "curl -s http://web | head -n 4",
          "curl -s -o /dev/null -w '%{http_code}\\n' http://web.default/",
          "curl -s -o /dev/null -w '%{http_code}\\n' http://web.default.svc.cluster.local/missing",
          "curl -fsS http://web/missing; echo exit=$?",
          "curl -sS http://nope; echo exit=$?",
          "curl -sS --max-time 3 http://web:8080/; echo exit=$?",
        ].join("\n"),
      ),
      "wget.yaml": client(
        "wget",
        "busybox:1.36",
        "wget -O - http://web.default.svc | grep title; wget http://db; echo exit=$?",
      ),
    });
    expect(
      s.run(`
      kubectl apply -f web.yaml
      sleep 20s
      kubectl get svc,pods -o wide
      kubectl apply -f curl.yaml
      kubectl apply -f wget.yaml
      sleep 20s
      kubectl logs job/curl
      kubectl logs job/wget
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f web.yaml
      pod/web created
      service/web created
      $ sleep 20s
      $ kubectl get svc,pods -o wide
      NAME          TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE   SELECTOR
      service/web   ClusterIP   10.96.128.122   <none>        80/TCP    20s   app=web

      NAME      READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
      pod/web   1/1     Running   0          20s   10.244.1.2   node-1   <none>           <none>
      $ kubectl apply -f curl.yaml
      job.batch/curl created
      $ kubectl apply -f wget.yaml
      job.batch/wget created
      $ sleep 20s
      $ kubectl logs job/curl
      <!DOCTYPE html>
      <html>
      <head>
      <title>Welcome to nginx!</title>
      200
      404
      curl: (22) The requested URL returned error: 404
      exit=22
      curl: (6) Could not resolve host: nope
      exit=6
      curl: (28) Connection timed out after 3001 milliseconds
      exit=28
      $ kubectl logs job/wget
      Connecting to web.default.svc (10.96.128.122:80)
      writing to stdout
      -                   100% |********************************|   615  0:00:00 ETA
      written to stdout
      <title>Welcome to nginx!</title>
      wget: bad address 'db'
      exit=1
      "
    `);
  });

  test("a Service without ready endpoints refuses; the health check of the course then reports KO", () => {
    const s = scenario({
      "svc.yaml": `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector:
    app: echo
  ports:
  - port: 80
    targetPort: 5678
`,
      "echo.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: echo
  labels:
    app: echo
spec:
  containers:
  - name: echo
    image: hashicorp/http-echo:1.0
    args: ["-text=hello"]
`,
      "check.yaml": client(
        "check",
        "curlimages/curl:latest",
        'if curl -f -s -o /dev/null -w "%{http_code}" http://my-service:80/health | grep -q "200"; then echo "Service OK"; exit 0; else echo "Service KO"; exit 1; fi',
      ),
      "check2.yaml": client(
        "check2",
        "curlimages/curl:latest",
        'curl -s http://my-service/anything; if curl -f -s -o /dev/null -w "%{http_code}" http://my-service:80/health | grep -q "200"; then echo "Service OK"; else echo "Service KO"; exit 1; fi',
      ),
    });
    expect(
      s.run(`
      kubectl apply -f svc.yaml
      kubectl apply -f check.yaml
      sleep 10s
      kubectl get jobs
      kubectl logs job/check
      kubectl apply -f echo.yaml
      sleep 10s
      kubectl apply -f check2.yaml
      sleep 10s
      kubectl get jobs
      kubectl logs job/check2
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f svc.yaml
      service/my-service created
      $ kubectl apply -f check.yaml
      job.batch/check created
      $ sleep 10s
      $ kubectl get jobs
      NAME    STATUS   COMPLETIONS   DURATION   AGE
      check   Failed   0/1           10s        10s
      $ kubectl logs job/check
      Service KO
      $ kubectl apply -f echo.yaml
      pod/echo created
      $ sleep 10s
      $ kubectl apply -f check2.yaml
      job.batch/check2 created
      $ sleep 10s
      $ kubectl get jobs
      NAME     STATUS     COMPLETIONS   DURATION   AGE
      check    Failed     0/1           30s        30s
      check2   Complete   1/1           2s         10s
      $ kubectl logs job/check2
      hello
      Service OK
      "
    `);
  });

  test("pg_dump of a postgres Service into a PVC, with PGPASSWORD from a Secret", () => {
    const s = scenario({
      "db.yaml": `apiVersion: v1
kind: Secret
metadata:
  name: db-secret
stringData:
  password: s3cret
---
apiVersion: v1
kind: Pod
metadata:
  name: postgres
  labels:
    app: postgres
spec:
  containers:
  - name: postgres
    image: postgres:15-alpine
    env:
    - name: POSTGRES_USER
      value: admin
    - name: POSTGRES_DB
      value: mydatabase
    - name: POSTGRES_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db-secret
          key: password
---
apiVersion: v1
kind: Service
metadata:
  name: postgres-service
spec:
  selector:
    app: postgres
  ports:
  - port: 5432
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: backup-pvc
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`,
      "backup.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: backup
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: OnFailure
      containers:
      - name: backup
        image: postgres:15-alpine
        env:
        - name: PGHOST
          value: postgres-service
        - name: PGUSER
          value: admin
        - name: PGPASSWORD
          valueFrom:
            secretKeyRef:
              name: db-secret
              key: password
        command:
        - /bin/sh
        - -c
        - |
          echo "backup started at $(date)"
          pg_dump mydatabase > /backup/db-$(date +%Y%m%d-%H%M%S).sql
          echo "backup done"
        volumeMounts:
        - name: backup-storage
          mountPath: /backup
      volumes:
      - name: backup-storage
        persistentVolumeClaim:
          claimName: backup-pvc
`,
      "ls.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: ls
spec:
  restartPolicy: Never
  containers:
  - name: ls
    image: busybox:1.36
    command: ["sh", "-c", "ls /backup; head -n 6 /backup/*.sql"]
    volumeMounts:
    - name: b
      mountPath: /backup
  volumes:
  - name: b
    persistentVolumeClaim:
      claimName: backup-pvc
`,
      "wrongdb.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: wrongdb
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: postgres:15
    command: ["sh", "-c", "pg_dump -h postgres-service -U admin otherdb; PGPASSWORD=nope pg_dump -h postgres-service -U admin mydatabase; PGPASSWORD=x pg_dump -h nowhere x; echo $?"]
`,
    });
    expect(
      s.run(`
      kubectl apply -f db.yaml
      sleep 15s
      kubectl apply -f backup.yaml
      sleep 15s
      kubectl get jobs,pvc
      kubectl logs job/backup
      kubectl apply -f ls.yaml
      sleep 5s
      kubectl logs ls
      kubectl apply -f wrongdb.yaml
      sleep 15s
      kubectl logs wrongdb
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f db.yaml
      secret/db-secret created
      pod/postgres created
      service/postgres-service created
      persistentvolumeclaim/backup-pvc created
      $ sleep 15s
      $ kubectl apply -f backup.yaml
      job.batch/backup created
      $ sleep 15s
      $ kubectl get jobs,pvc
      NAME               STATUS     COMPLETIONS   DURATION   AGE
      job.batch/backup   Complete   1/1           5s         15s

      NAME                               STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
      persistentvolumeclaim/backup-pvc   Bound    pvc-aa183915-b0bb-40d8-8bfd-b98854a0df5a   1Gi        RWO            standard       <unset>                 30s
      $ kubectl logs job/backup
      backup started at Mon Jan  5 00:00:19 UTC 2026
      backup done
      $ kubectl apply -f ls.yaml
      pod/ls created
      $ sleep 5s
      $ kubectl logs ls
      db-20260105-000019.sql
      --
      -- PostgreSQL database dump
      --

      -- Dumped from database version 15.10 (Debian 15.10-1.pgdg120+1)
      -- Dumped by pg_dump version 15.10
      $ kubectl apply -f wrongdb.yaml
      pod/wrongdb created
      $ sleep 15s
      $ kubectl logs wrongdb
      pg_dump: error: connection to server at "postgres-service" (10.96.177.150), port 5432 failed: fe_sendauth: no password supplied
      pg_dump: error: connection to server at "postgres-service" (10.96.177.150), port 5432 failed: FATAL:  password authentication failed for user "admin"
      pg_dump: error: could not translate host name "nowhere" to address: Name or service not known
      1
      "
    `);
  });

  test("kuard keygen: the book's one-shot Job generates 10 keys and exits 0", () => {
    const s = scenario({
      "oneshot.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: oneshot
spec:
  template:
    spec:
      containers:
      - name: kuard
        image: gcr.io/kuar-demo/kuard-amd64:blue
        imagePullPolicy: Always
        args:
        - "--keygen-enable"
        - "--keygen-exit-on-complete"
        - "--keygen-num-to-gen=10"
      restartPolicy: OnFailure
`,
    });
    expect(
      s.run(`
      kubectl apply -f oneshot.yaml
      sleep 30s
      kubectl get jobs,pods
      kubectl logs job/oneshot | tail -n 4
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f oneshot.yaml
      job.batch/oneshot created
      $ sleep 30s
      $ kubectl get jobs,pods
      NAME                STATUS     COMPLETIONS   DURATION   AGE
      job.batch/oneshot   Complete   1/1           15s        30s

      NAME                READY   STATUS      RESTARTS   AGE
      pod/oneshot-rg26b   0/1     Completed   0          30s
      $ kubectl logs job/oneshot | tail -n 4
      2026/01/05 00:00:12 (ID 0 8/10) Item done: SHA256:QYfjsKx1LVyUlrfVHRSpPf0plpTjgzk8r83ikS+Cu30
      2026/01/05 00:00:13 (ID 0 9/10) Item done: SHA256:QoflQ3Is9ha+TCFgiM8OUZxbKPOcsY/KU4U+KCMUc00
      2026/01/05 00:00:14 (ID 0 10/10) Item done: SHA256:PwHU8WYskLxX4AS+w/nY2cXCTPkiNykwZ8PiZkSJG6U
      2026/01/05 00:00:14 (ID 0) Workload exiting
      "
    `);
  });
});
