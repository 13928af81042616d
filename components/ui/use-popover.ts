"use client";

import { useEffect, useId, useRef, useState } from "react";

/**
 * A menu button's popover: open state, refs for the button and the panel, and the panel's id (for aria-controls).
 * While open, focus moves to the panel's first element matching `firstFocus`, and a pointer press outside both
 * closes it. `close()` closes and returns focus to the button.
 */
export function usePopover<P extends HTMLElement>(firstFocus: string) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<P>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>(firstFocus)?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, firstFocus]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return { open, setOpen, button, panel, panelId, close };
}
