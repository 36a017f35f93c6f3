/**
 * New-file templates: small, valid manifests with the fields that matter commented (each one is
 * dry-run through the API server by templates.test.ts). Names and comments are plain strings here,
 * in one place, ready for the translation catalogue.
 */
export interface Template {
  id: string;
  /** Menu label. */
  label: string;
  /** Suggested file name (made unique when taken). */
  file: string;
  text: string;
}

const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: hello
spec:
  backoffLimit: 4 # retries before the Job is marked failed
  ttlSecondsAfterFinished: 600 # delete the Job (and its Pods) 10 minutes after it finishes
  template:
    spec:
      restartPolicy: Never # a Job's Pods must use Never or OnFailure
      containers:
        - name: hello
          image: busybox:1.36
          command: ["sh", "-c", "echo Hello from Batch Lab; sleep 5"]
`;

const parallel = `apiVersion: batch/v1
kind: Job
metadata:
  name: parallel
spec:
  completions: 6 # the Job succeeds after 6 Pods succeed
  parallelism: 2 # at most 2 Pods run at the same time
  backoffLimit: 3
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: worker
          image: busybox:1.36
          command: ["sh", "-c", "echo working; sleep 8"]
`;

const indexed = `apiVersion: batch/v1
kind: Job
metadata:
  name: indexed
spec:
  completionMode: Indexed # each Pod gets an index 0..completions-1
  completions: 5
  parallelism: 3
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: worker
          image: busybox:1.36
          # the index is in JOB_COMPLETION_INDEX (and in the Pod's hostname)
          command: ["sh", "-c", "echo processing item $JOB_COMPLETION_INDEX; sleep 4"]
`;

const workQueue = `apiVersion: batch/v1
kind: Job
metadata:
  name: work-queue
spec:
  # no completions: the Pods share a queue; the Job succeeds once any Pod succeeds
  # and all of them have finished
  parallelism: 3
  template:
    spec:
      restartPolicy: OnFailure # the kubelet restarts a failed container in place
      containers:
        - name: worker
          image: busybox:1.36
          command: ["sh", "-c", "echo taking items from the queue; sleep 6"]
`;

const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-backup
spec:
  # minute hour day-of-month month day-of-week, read in timeZone (UTC without it)
  schedule: "0 2 * * *"
  timeZone: Europe/Paris
  concurrencyPolicy: Forbid # skip a run while the previous one is still active
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: busybox:1.36
              command: ["sh", "-c", "date; echo backing up; sleep 30"]
`;

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  restartPolicy: Never # Always (the default) restarts the container whenever it exits
  containers:
    - name: shell
      image: busybox:1.36
      command: ["sh", "-c", "echo hello; sleep 3600"]
`;

const secret = `apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
stringData: # plain text here; the API server stores it base64-encoded under data
  username: app
  password: s3cr3t
`;

export const TEMPLATES: readonly Template[] = [
  { id: "job", label: "Job", file: "job.yaml", text: job },
  { id: "parallel-job", label: "Parallel Job", file: "parallel-job.yaml", text: parallel },
  { id: "indexed-job", label: "Indexed Job", file: "indexed-job.yaml", text: indexed },
  { id: "work-queue-job", label: "Work-queue Job", file: "work-queue-job.yaml", text: workQueue },
  { id: "cronjob", label: "CronJob", file: "cronjob.yaml", text: cronJob },
  { id: "pod", label: "Pod", file: "pod.yaml", text: pod },
  { id: "secret", label: "Secret", file: "secret.yaml", text: secret },
  { id: "empty", label: "Empty file", file: "manifest.yaml", text: "" },
];
