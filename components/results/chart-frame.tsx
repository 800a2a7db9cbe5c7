"use client";
import { startTransition, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * A chart with its caption and an accessible table alternative. The chart itself is a client-only lazy module; the
 * frame reserves its height so nothing shifts when it arrives, and the table is real HTML for screen readers and print.
 */
export function ChartFrame({
  id,
  title,
  hint,
  height,
  chart,
  table,
}: {
  id: string;
  title: string;
  hint?: string;
  height: number;
  chart: React.ReactNode;
  table: React.ReactNode;
}) {
  const t = useTranslations("results.common");
  const box = useRef<HTMLDivElement>(null);
  const visible = useSeen(box);
  return (
    <figure className="chart-frame" aria-labelledby={`${id}-caption`} data-testid={`chart-${id}`}>
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong>
        {hint ? <span className="hint"> {hint}</span> : null}
      </figcaption>
      <div className="chart-box" style={{ minHeight: height }} aria-hidden="true" ref={box}>
        {visible ? chart : null}
      </div>
      <details className="chart-table">
        <summary>{t("showTable")}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </figure>
  );
}

/**
 * True once the element has come within a screen of the viewport, then stays true. Charts below the fold are not
 * drawn at all until the reader scrolls towards them: each Recharts chart is a long task to mount, and a page with
 * nine of them would otherwise block the main thread right after hydration.
 */
function useSeen(ref: React.RefObject<HTMLElement | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    if (typeof IntersectionObserver === "undefined") {
      const id = setTimeout(() => setSeen(true), 0);
      return () => clearTimeout(id);
    }
    const io = new IntersectionObserver(
      (entries) => {
        // A transition: React draws the chart in interruptible slices instead of one long task.
        if (entries.some((e) => e.isIntersecting)) startTransition(() => setSeen(true));
      },
      { rootMargin: "100% 0px" },
    );
    io.observe(el);
    // Printing shows every chart, seen or not.
    const print = () => setSeen(true);
    window.addEventListener("beforeprint", print);
    return () => {
      io.disconnect();
      window.removeEventListener("beforeprint", print);
    };
  }, [ref, seen]);
  return seen;
}
