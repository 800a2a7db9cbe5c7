"use client";
// The header's collapsible part. Wide screens show everything in one row and never see the button; narrow ones get a
// disclosure button (aria-expanded / aria-controls) that opens the menu as a panel. Escape and a click outside close
// it, focus returns to the button, and opening moves focus to the first item. Until the script runs the menu stays
// open (wrapped), so the header works without JavaScript too.
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useHydrated } from "@/components/use-hydrated";

export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  const pathname = usePathname();
  // The menu is open for the page it was opened on: following a link closes it (the layout, and so this component,
  // survives client navigation).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  // False in the server render and before hydration, true once the script runs.
  const ready = useHydrated();
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a, button, select, input")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpenOn(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="menu-toggle"
        data-ready={ready ? "" : undefined}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="menu-icon" />
        {label}
      </button>
      <div
        ref={panel}
        id={id}
        className="header-menu"
        data-ready={ready ? "" : undefined}
        data-open={open ? "" : undefined}
      >
        {children}
      </div>
    </>
  );
}
