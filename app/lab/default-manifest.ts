/** What the editor holds on a first visit: a Job with a few pods to watch. */
export const DEFAULT_MANIFEST = `apiVersion: batch/v1
kind: Job
metadata:
  name: hello
spec:
  completions: 3
  parallelism: 2
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: hello
          image: busybox:1.36
          command: ["sh", "-c", "echo Hello from Batch Lab; sleep 5"]
`;
