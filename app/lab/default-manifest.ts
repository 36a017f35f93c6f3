/** What the editor holds on a first visit. */
export const DEFAULT_MANIFEST = `# A Job runs Pods until enough of them succeed.
# Press Apply (Ctrl+Enter) and watch the cluster on the right;
# then try \`kubectl get pods\` and \`kubectl logs job/hello\` below.
apiVersion: batch/v1
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
