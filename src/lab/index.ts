/** The lesson engine's public API (see README.md in this folder). */
export { loadPack, mapSource, fetchSource, PACK_LIMITS } from "./loader.ts";
export type { PackSource, PackProblem, LoadResult } from "./loader.ts";
export { ExerciseRun, createExerciseRun } from "./run.ts";
export type { RunOptions, ScriptStep } from "./run.ts";
export { evaluateGoals, evaluateGoal, goalText, GOAL_KINDS } from "./goals/index.ts";
export type { GoalStatus, GoalContext, GoalResult, Action } from "./goals/index.ts";
export { Timeline } from "./timeline.ts";
export { armInjections } from "./injections.ts";
export type { ContainerFault } from "./injections.ts";
export { parseLine, blockedBy, commandsInMarkdown } from "./commands.ts";
export { verifyExercise, verifyLoadedPack, verifyPackSource, formatReport } from "./verify.ts";
export type { ExerciseReport, PackReport } from "./verify.ts";
export { render, renderText, ENGINE_LOCALES } from "./i18n/format.ts";
export type * from "./types.ts";
