import { describe, expect, it } from "vitest";
import { eventTable } from "./events.ts";
import { printTable } from "./table.ts";
import { event, now, PI_UID, piJobEvents } from "./test-fixtures.ts";

const podUid = "uid-pi-x7k2p";
const podEvents = [
  event({
    kind: "Pod",
    name: "pi-x7k2p",
    uid: podUid,
    reason: "Scheduled",
    message: "Successfully assigned default/pi-x7k2p to node-1",
    first: 0,
    component: "default-scheduler",
  }),
  event({
    kind: "Pod",
    name: "pi-x7k2p",
    uid: podUid,
    reason: "Pulling",
    message: 'Pulling image "perl:5.34.0"',
    first: 0,
    component: "kubelet",
    host: "node-1",
    fieldPath: "spec.containers{pi}",
  }),
  event({
    kind: "Pod",
    name: "pi-x7k2p",
    uid: podUid,
    reason: "Pulled",
    message:
      'Successfully pulled image "perl:5.34.0" in 2.412s (2.412s including waiting). Image size: 336374010 bytes.\n',
    first: 2,
    component: "kubelet",
    host: "node-1",
    fieldPath: "spec.containers{pi}",
  }),
];
const warning = event({
  kind: "Job",
  name: "fail",
  uid: "0b7d9f4e-1c2a-4e3b-8f5d-6a7b8c9d0e1f",
  reason: "BackoffLimitExceeded",
  message: "Job has reached the specified backoff limit",
  first: 35,
  type: "Warning",
  component: "job-controller",
});

describe("kubectl get events (spec §7.1)", () => {
  it("prints rows in the order listed (server order), LAST SEEN as a plain age", () => {
    const events = [...piJobEvents, ...podEvents, warning];
    expect(printTable(eventTable(events, now(60)))).toBe(
      `LAST SEEN   TYPE      REASON                 OBJECT         MESSAGE
60s         Normal    SuccessfulCreate       job/pi         Created pod: pi-x7k2p
48s         Normal    Completed              job/pi         Job completed
60s         Normal    Scheduled              pod/pi-x7k2p   Successfully assigned default/pi-x7k2p to node-1
60s         Normal    Pulling                pod/pi-x7k2p   Pulling image "perl:5.34.0"
58s         Normal    Pulled                 pod/pi-x7k2p   Successfully pulled image "perl:5.34.0" in 2.412s (2.412s including waiting). Image size: 336374010 bytes.
25s         Warning   BackoffLimitExceeded   job/fail       Job has reached the specified backoff limit
`,
    );
  });

  it("adds SUBOBJECT SOURCE FIRST SEEN COUNT NAME with -o wide, in the server's column order", () => {
    const repeated = event({
      kind: "Pod",
      name: "loop-b8c2d",
      uid: "uid-loop",
      reason: "BackOff",
      message: "Back-off restarting failed container loop in pod loop-b8c2d_default(uid-loop)",
      first: 12,
      last: 45,
      count: 3,
      type: "Warning",
      component: "kubelet",
      host: "node-1",
      fieldPath: "spec.containers{loop}",
    });
    const text = printTable(eventTable([piJobEvents[0], repeated], now(60)), { wide: true });
    const names = [piJobEvents[0].metadata.name, repeated.metadata.name];
    expect(text).toBe(
      `LAST SEEN   TYPE      REASON             OBJECT           SUBOBJECT               SOURCE            MESSAGE                                                                         FIRST SEEN   COUNT   NAME
60s         Normal    SuccessfulCreate   job/pi                                   job-controller    Created pod: pi-x7k2p                                                           60s          1       ${names[0]}
15s         Warning   BackOff            pod/loop-b8c2d   spec.containers{loop}   kubelet, node-1   Back-off restarting failed container loop in pod loop-b8c2d_default(uid-loop)   48s          3       ${names[1]}
`,
    );
  });

  it("cuts a multi-line message at its first line break", () => {
    const multi = event({
      kind: "Job",
      name: "pi",
      uid: PI_UID,
      reason: "Note",
      message: "first line\nsecond line",
      first: 0,
      component: "job-controller",
    });
    expect(printTable(eventTable([multi], now(5)), { noHeaders: true })).toBe(
      "5s    Normal   Note   job/pi   first line...\n",
    );
  });
});
