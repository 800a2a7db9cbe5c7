"use client";
// A table or chart that is wider than the screen scrolls inside its own frame (CSS: .table-scroll, and every table in
// main below 1100 px). Keyboard users can scroll such a frame only when it can take focus, so every frame that
// actually overflows gets tabindex="0" (and loses it again when it fits). Runs for the whole page, including tables
// that appear later (results computed in a worker), so no table component has to remember it.
import { useEffect } from "react";

const FRAMES = "main .table-scroll, main table, main .chart-scroll";

function mark() {
  for (const el of document.querySelectorAll<HTMLElement>(FRAMES)) {
    const style = getComputedStyle(el);
    const scrolls = (style.overflowX === "auto" || style.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1;
    if (scrolls && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
      el.dataset.scrollFrame = "";
    } else if (!scrolls && el.dataset.scrollFrame !== undefined) {
      el.removeAttribute("tabindex");
      delete el.dataset.scrollFrame;
    }
  }
}

export function ScrollFrames() {
  useEffect(() => {
    let queued = 0;
    const schedule = () => {
      cancelAnimationFrame(queued);
      queued = requestAnimationFrame(mark);
    };
    schedule();
    const main = document.querySelector("main");
    const mutations = new MutationObserver(schedule);
    if (main) mutations.observe(main, { childList: true, subtree: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(queued);
      mutations.disconnect();
      window.removeEventListener("resize", schedule);
    };
  }, []);
  return null;
}
