/**
 * The shapes of an exercise pack once loaded (STYLE.md habit 12: content is data). The files on
 * disk are YAML validated by `public/packs/pack.schema.json`; these types mirror that schema.
 * Nothing here is ever evaluated as code: goals are named entries of a fixed vocabulary
 * (`goals/`), failure injections likewise (`injections.ts`), Markdown is handed to the UI as text.
 */

export type Locale = string;

/** `pack.yaml`: identity, languages, the chapter map. */
export interface PackMeta {
  id: string;
  version: string;
  /** Locales every string must exist in; the first is the reference (usually "en"). */
  locales: Locale[];
  chapters: ChapterMeta[];
}

export interface ChapterMeta {
  id: string;
  /** Exercise folders under the pack, in teaching order. */
  exercises: string[];
}

/** `locales/<locale>.yaml` of the pack. */
export interface PackStrings {
  title: string;
  description?: string;
  chapters: Record<string, { title: string; intro?: string }>;
}

export type Scalar = string | number | boolean | null;

/** A condition on one value: a bare scalar means "equals". */
export type Matcher =
  | Scalar
  | {
      equals?: Scalar;
      oneOf?: Scalar[];
      exists?: boolean;
      min?: number;
      max?: number;
      contains?: string;
      matches?: string;
    };

/** Counting goals say how many they want with one or more bounds. */
export interface CountBounds {
  equals?: number;
  min?: number;
  max?: number;
}

interface GoalBase {
  id: string;
  namespace?: string;
}

export interface ObjectExistsGoal extends GoalBase {
  type: "objectExists";
  kind: string;
  name?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  fields?: Record<string, Matcher>;
  /** The object must be gone (e.g. cleaned up by a TTL). */
  absent?: boolean;
  /** Met when such an object existed at any moment of the exercise, not only now. */
  ever?: boolean;
}

export interface ObjectCountGoal extends GoalBase, CountBounds {
  type: "objectCount";
  kind: string;
  ownedBy?: { kind: string; name: string };
  labels?: Record<string, string>;
  fields?: Record<string, Matcher>;
}

export interface JobConditionGoal extends GoalBase {
  type: "jobCondition";
  job: string;
  condition: string;
  reason?: string;
  status?: "True" | "False";
  ever?: boolean;
}

export interface PodCountGoal extends GoalBase, CountBounds {
  type: "podCount";
  job?: string;
  cronJob?: string;
  labels?: Record<string, string>;
  phase?: "Pending" | "Running" | "Succeeded" | "Failed";
  /** Only pods with this completion index (Indexed Jobs). */
  index?: number;
  /** Only pods whose (first) container terminated with this exit code. */
  exitCode?: number;
  /** Only pods whose containers restarted at least this often. */
  minRestarts?: number;
  /** Count every pod seen during the exercise (also those since deleted), not only current ones. */
  observed?: boolean;
}

export interface CronJobRunsGoal extends GoalBase, CountBounds {
  type: "cronJobRuns";
  cronJob: string;
  /** Count Jobs created up to this instant: RFC 3339, or `+DURATION` after the exercise start. */
  by?: string;
  /** Count manual runs (`kubectl create job --from`) instead of scheduled ones. */
  manual?: boolean;
  /** The first scheduled Job must be created at this instant (to the second). */
  firstAt?: string;
}

export interface CronJobSkippedGoal extends GoalBase {
  type: "cronJobSkipped";
  cronJob: string;
  min?: number;
}

export interface EventSeenGoal extends GoalBase {
  type: "eventSeen";
  reason: string;
  eventType?: "Normal" | "Warning";
  kind?: string;
  name?: string;
  /** The involved object's name starts with this (pods of a Job: the Job's name + "-"). */
  namePrefix?: string;
  messageContains?: string;
  min?: number;
}

export interface LogsContainGoal extends GoalBase {
  type: "logsContain";
  job?: string;
  cronJob?: string;
  pod?: string;
  index?: number;
  container?: string;
  text?: string;
  pattern?: string;
  /** "any" (default): one pod's log suffices; "all": every finished pod's log must match. */
  pods?: "any" | "all";
}

export interface JobFinishedGoal extends GoalBase {
  type: "jobFinished";
  job: string;
  condition: "Complete" | "Failed";
  reason?: string;
  /** Finished no later than this long after the Job was created. */
  within?: string;
  /** Finished no earlier than this long after the Job was created. */
  after?: string;
}

export interface BackoffDoubledGoal extends GoalBase {
  type: "backoffDoubled";
  job: string;
  /** How many successive back-off gaps must be seen (each about twice the one before). */
  minGaps?: number;
  /** Replacement pods of the Job (restartPolicy Never) or container restarts (OnFailure). */
  of?: "pods" | "restarts";
}

export interface MaxActiveGoal extends GoalBase {
  type: "maxActive";
  /** Pods of a Job, or Jobs of a CronJob. */
  job?: string;
  cronJob?: string;
  max?: number;
  /** The peak must reach at least this many at one moment. */
  reached?: number;
}

export interface FieldHeldGoal extends GoalBase {
  type: "fieldHeld";
  kind: string;
  name: string;
  path: string;
  value: Scalar;
  /** For at least this long without interruption (a Go-style duration: 90s, 5m, 1h). */
  for: string;
}

export interface UsedCommandGoal extends GoalBase {
  type: "usedCommand";
  /** kubectl verb, e.g. "logs", "describe", "create". */
  verb: string;
  /** Words that must appear among the arguments (e.g. "job", "cronjob/backup"). */
  args?: string[];
  /** Flags that must be given (without dashes, e.g. "from", "previous"). */
  flags?: string[];
  min?: number;
}

export type Goal =
  | ObjectExistsGoal
  | ObjectCountGoal
  | JobConditionGoal
  | PodCountGoal
  | CronJobRunsGoal
  | CronJobSkippedGoal
  | EventSeenGoal
  | LogsContainGoal
  | JobFinishedGoal
  | BackoffDoubledGoal
  | MaxActiveGoal
  | FieldHeldGoal
  | UsedCommandGoal;

export type GoalType = Goal["type"];

/** Deterministic failures the lab injects into the simulation (injections.ts). */
export type Injection =
  | {
      /** The next `count` pods of `job` have their containers exit with `exitCode`. */
      type: "podExit";
      job: string;
      count: number;
      exitCode: number;
      /** Seconds after the container starts (default 1). */
      afterSeconds?: number;
    }
  | {
      /** The next `count` pods of `job` are deleted once they have run this long (a node drain). */
      type: "deletePod";
      job: string;
      count: number;
      afterSeconds?: number;
    };

/** A lab script plus the files its `-f` paths name (as the learner's editor would hold them). */
export interface Solution {
  script: string;
  files: Record<string, string>;
}

export interface WrongSolution extends Solution {
  /** The goal this attempt must leave unmet. */
  fails: string;
}

export interface StartState {
  /** RFC 3339 instant the clock starts at. */
  at: string;
  seed: number;
  preloadedImages: string[];
  /** Manifest files applied before the learner arrives (text). */
  objects: { path: string; text: string }[];
  /** Time let pass after the objects were applied, before the learner arrives (Go duration). */
  advance?: string;
  /** The editor's files (name → initial text). */
  files: Record<string, string>;
}

export interface ExerciseStrings {
  title: string;
  /** Markdown. */
  intro: string;
  /** Markdown, one per rung of the ladder. */
  hints: string[];
  /** Markdown. */
  learned: string;
  /** Learner-facing text overriding a goal's default wording, by goal id. */
  goals?: Record<string, string>;
}

export interface Exercise {
  id: string;
  /** The exercise's folder inside the pack. */
  dir: string;
  chapter: string;
  /** `draft` exercises are loaded and shown but their verification is skipped, with the reason. */
  status: "ready" | "draft";
  draftReason?: string;
  start: StartState;
  commands: { allowed?: string[]; blocked?: string[] };
  injections: Injection[];
  goals: Goal[];
  solution: Solution;
  wrong: WrongSolution[];
  /** Strings per locale. */
  strings: Record<Locale, ExerciseStrings>;
}

export interface Pack {
  meta: PackMeta;
  strings: Record<Locale, PackStrings>;
  exercises: Exercise[];
}
