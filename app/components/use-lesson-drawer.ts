import { useEffect, useState } from "react";
import { useLessonOpen } from "../lesson/LessonPanel.tsx";
import type { LayoutMode } from "./pane-layout.ts";

export interface LessonDrawer {
  open: boolean;
  /** Open over the panes (narrow layouts), which are then inert behind a scrim. */
  drawerOpen: boolean;
  toggle: () => void;
  close: () => void;
}

/**
 * Whether the lesson panel is open. Docked beside the panes (wide), it is remembered across
 * reloads; as a drawer over them (narrower), it starts closed so the editor is what one sees
 * first, and Escape or a tap outside closes it. `panelId` is the panel's element id: focus
 * follows the toggle, since the rail's button and the panel's « replace each other.
 */
export function useLessonDrawer(mode: LayoutMode, panelId: string): LessonDrawer {
  const [docked, setDocked] = useLessonOpen();
  const [drawer, setDrawer] = useState(false);
  const isDrawer = mode !== "wide";
  const open = isDrawer ? drawer : docked;
  const drawerOpen = isDrawer && drawer;
  const setOpen = (next: boolean) => {
    if (isDrawer) setDrawer(next);
    else setDocked(next);
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`#${panelId} .lesson__rail, #${panelId} .lesson__collapse`)
        ?.focus(),
    );
  };
  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      // A dialog opened from the drawer closes first, on its own.
      if (e.target instanceof Element && e.target.closest("dialog")) return;
      setDrawer(false);
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`#${panelId} .lesson__rail`)?.focus(),
      );
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [drawerOpen, panelId]);
  return { open, drawerOpen, toggle: () => setOpen(!open), close: () => setOpen(false) };
}
