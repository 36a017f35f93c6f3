import { test } from "vitest";
import { scenario } from "./harness.ts";
test("scratch", () => {
  const s = scenario({ "hello.yaml": `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  suspend: true
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox:1.36
            command: ["sh", "-c", "date; echo Hello from the Kubernetes cluster"]
` });
  console.log(s.run(`
kubectl apply -f hello.yaml
sleep 3m30s
kubectl get cronjobs
kubectl patch cronjob hello -p '{"spec":{"suspend":false}}'
kubectl get jobs
kubectl get cronjob hello -o jsonpath='{.status}'
sleep 31s
kubectl get jobs
kubectl describe cronjob hello
kubectl create job --from=cronjob/hello manual-1
kubectl get jobs
sleep 10s
kubectl describe cronjob hello
kubectl delete cronjob hello
kubectl get jobs,pods
sleep 40s
kubectl get jobs,pods
`));
});
