import { useRef, useState } from "react";
import type { KeyboardEvent, PointerEvent } from "react";
import { clamp, keyboardMove, percentOf } from "./pane-layout.ts";
import type { SplitterModel } from "./use-pane-sizes.ts";
import "./split-panes.css";

export interface SplitterProps extends SplitterModel {
  /** The accessible name ("Resize the terminal"). */
  label: string;
  /** How to use it, shown as a tooltip. */
  hint?: string;
  /** Id(s) of the pane(s) before the splitter, whose size is the value. */
  controls: string;
  className?: string;
  testId?: string;
}

/**
 * A window splitter (WAI-ARIA APG): a focusable separator whose value is the size of the pane
 * before it, as a percentage of the room both panes share. Drag it (mouse, pen or touch, with
 * pointer capture), move it with the arrow keys (Shift: bigger steps), Home/End for the minimum
 * and maximum, double-click for the default size.
 */
export function Splitter({
  orientation,
  value,
  bounds,
  total,
  onChange,
  onReset,
  label,
  hint,
  controls,
  className,
  testId,
}: SplitterProps) {
  const drag = useRef<{ pointerId: number; from: number; value: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const axis = (e: PointerEvent) => (orientation === "vertical" ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === "mouse" && e.button !== 0) return;
    e.preventDefault(); // no text selection, no focus-stealing scroll
    // Focused for the keyboard afterwards, without the keyboard focus ring a click should not show.
    e.currentTarget.focus({ preventScroll: true, focusVisible: false });
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { pointerId: e.pointerId, from: axis(e), value };
    setDragging(true);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    onChange(clamp(d.value + axis(e) - d.from, bounds));
  };
  const end = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== e.pointerId) return;
    drag.current = null;
    setDragging(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const next = keyboardMove(e.key, e.shiftKey, orientation, value, bounds);
    if (next === undefined) return;
    e.preventDefault(); // also keeps → from stepping the clock (use-clock-keys.ts)
    onChange(next);
  };

  return (
    <div
      role="separator"
      aria-orientation={orientation}
      aria-valuenow={percentOf(value, total)}
      aria-valuemin={percentOf(bounds.min, total)}
      aria-valuemax={percentOf(bounds.max, total)}
      aria-controls={controls}
      aria-label={label}
      title={hint ? `${label}. ${hint}` : label}
      tabIndex={0}
      className={`splitter splitter--${orientation} ${className ?? ""}`}
      data-dragging={dragging || undefined}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onLostPointerCapture={end}
      onKeyDown={onKeyDown}
      onDoubleClick={onReset}
    />
  );
}
