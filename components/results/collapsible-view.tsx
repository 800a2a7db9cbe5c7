"use client";
// A results section that the reader can fold away: a disclosure button (aria-expanded, aria-controls) above the
// section, and the folded state kept in this browser (localStorage), so the page opens the way the reader left it.
// Purely a reading preference: nothing here is decision data.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type ReactNode } from "react";

const STORAGE_KEY = "stackwise.results.collapsed";

function readStored(): string[] {
  try {
    const v = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Which views are folded; starts with everything open (server render) and adopts the stored state once mounted. */
export function useCollapsedViews() {
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  useEffect(() => {
    // Reading the browser's stored preference after the first paint keeps server and client renders identical.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCollapsed(new Set(readStored()));
  }, []);
  const toggle = useCallback((view: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(view)) next.delete(view);
      else next.add(view);
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
      } catch {
        // Storage full or blocked: the section still folds for this visit.
      }
      return next;
    });
  }, []);
  return { collapsed, toggle };
}

export function CollapsibleView({
  view,
  title,
  collapsed,
  onToggle,
  children,
}: {
  view: string;
  title: string;
  collapsed: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("results.collapse");
  const bodyId = `${view}-body`;
  return (
    <div className="collapsible-view" data-view={view} data-collapsed={collapsed ? "true" : "false"}>
      <button
        type="button"
        className="view-toggle no-print"
        aria-expanded={!collapsed}
        aria-controls={bodyId}
        onClick={onToggle}
      >
        <span aria-hidden="true">{collapsed ? "▸" : "▾"}</span>{" "}
        {collapsed ? t("show", { title }) : t("hide", { title })}
      </button>
      <div id={bodyId} hidden={collapsed}>
        {children}
      </div>
    </div>
  );
}
