/**
 * One-line lab hints printed after kubectl's own error when a learner types something the
 * course material teaches but today's kubectl no longer accepts.
 */
const flagHints: { verb: string; flag: RegExp; hint: string }[] = [
  {
    verb: "get",
    flag: /unknown shorthand flag: 'a' in -a|unknown flag: --show-all/,
    hint: "lab: -a/--show-all was removed in kubectl 1.14; `kubectl get jobs` already lists finished Jobs (and `kubectl get pods` their completed Pods).\n",
  },
];

export function flagHint(verb: string, error: string): string | undefined {
  return flagHints.find((h) => h.verb === verb && h.flag.test(error))?.hint;
}
