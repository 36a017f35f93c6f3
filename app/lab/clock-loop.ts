/**
 * Turns wall-clock frames into virtual-time steps: `wallDelta × speed`, with the sub-millisecond
 * remainder carried over (the cluster clock counts whole milliseconds) and a cap on one frame's
 * wall delta, so a tab that was hidden for a minute does not leap a minute (× speed) on return.
 */
export const MAX_FRAME_WALL_MS = 100;

export class FrameStepper {
  private last: number | undefined;
  private carry = 0;

  /** Forget the previous frame (on pause), so the next frame starts a new interval. */
  reset(): void {
    this.last = undefined;
    this.carry = 0;
  }

  /** Virtual milliseconds to advance for a frame at wall time `wallNow` (0 on the first frame). */
  step(wallNow: number, speed: number): number {
    const last = this.last;
    this.last = wallNow;
    if (last === undefined) return 0;
    const wall = Math.min(Math.max(wallNow - last, 0), MAX_FRAME_WALL_MS);
    const exact = wall * speed + this.carry;
    const whole = Math.floor(exact);
    this.carry = exact - whole;
    return whole;
  }
}
