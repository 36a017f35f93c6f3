/**
 * `kubectl describe` texts. Each takes the object, the events whose involvedObject is it
 * (`undefined` with `--show-events=false`, which drops the Events section), and `now`.
 */
export { describePod } from "./describe-pod.ts";
export { describeJob, describeCronJob, describePodTemplate } from "./describe-job.ts";
export { describeNode } from "./describe-node.ts";
export { describeEvents } from "./events.ts";
