"use client";
// One export link. Without JavaScript (or with a modifier key: new tab, save as…) it is a plain download link. With
// JavaScript a click fetches the file itself, so a slow one (a large PDF) shows what is happening: after about a
// second a status line says it is being prepared, counts the seconds, shows the bytes received when the server
// sends a length, and offers Cancel. The finished file is saved under the server's name through a blob link.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { fileNameFromDisposition } from "@/lib/export/filename";

/** How long a download runs before the status line appears: quick ones should not flash a message. */
export const PROGRESS_AFTER_MS = 1000;

type State =
  | { kind: "idle" }
  | { kind: "running"; startedAt: number; received: number; total: number | null }
  | { kind: "failed"; status: number; retryAfter: number | null };

export function DownloadLink({ href, format, label }: { href: string; format: string; label: string }) {
  const t = useTranslations("report.export");
  const [state, setState] = useState<State>({ kind: "idle" });
  const [now, setNow] = useState(0);
  const abort = useRef<AbortController | null>(null);

  // The seconds counter ticks only while a download runs.
  useEffect(() => {
    if (state.kind !== "running") return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [state.kind]);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async (event: React.MouseEvent<HTMLAnchorElement>) => {
    // Let the browser handle new-tab, new-window and save-as clicks as the plain link they are.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (state.kind === "running") return;
    const controller = new AbortController();
    abort.current = controller;
    const startedAt = Date.now();
    setNow(startedAt);
    setState({ kind: "running", startedAt, received: 0, total: null });
    try {
      const res = await fetch(href, { signal: controller.signal, credentials: "same-origin" });
      if (!res.ok) {
        const retry = Number(res.headers.get("Retry-After"));
        setState({
          kind: "failed",
          status: res.status,
          retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null,
        });
        return;
      }
      const length = Number(res.headers.get("Content-Length"));
      const total = Number.isFinite(length) && length > 0 ? length : null;
      const chunks: Uint8Array[] = [];
      let received = 0;
      const reader = res.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.byteLength;
          setState({ kind: "running", startedAt, received, total });
        }
      }
      const blob = new Blob(chunks as BlobPart[], { type: res.headers.get("Content-Type") ?? undefined });
      save(blob, fileNameFromDisposition(res.headers.get("Content-Disposition")) ?? `decision.${format}`);
      setState({ kind: "idle" });
    } catch (e) {
      if (controller.signal.aborted) setState({ kind: "idle" });
      else {
        console.error(e);
        setState({ kind: "failed", status: 0, retryAfter: null });
      }
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  const running = state.kind === "running";
  const elapsed = running ? now - state.startedAt : 0;
  const showProgress = running && elapsed >= PROGRESS_AFTER_MS;
  return (
    <>
      <a href={href} download data-format={format} onClick={start} aria-busy={running || undefined}>
        {label}
      </a>
      {/* Always in the DOM so screen readers hear the change; empty while nothing is worth saying. */}
      <span className="download-status" role="status" data-testid={`download-status-${format}`}>
        {showProgress ? (
          <>
            {t("preparing", { seconds: Math.floor(elapsed / 1000) })}
            {state.received > 0 ? (
              state.total ? (
                <progress
                  max={state.total}
                  value={state.received}
                  aria-label={t("received", { kb: kb(state.received), total: kb(state.total) })}
                />
              ) : (
                <> {t("receivedOpen", { kb: kb(state.received) })}</>
              )
            ) : null}{" "}
            <button type="button" className="link-button" onClick={() => abort.current?.abort()}>
              {t("cancel")}
            </button>
          </>
        ) : null}
      </span>
      {state.kind === "failed" ? (
        <span className="download-error" role="alert">
          {state.status === 429
            ? t("throttled", { seconds: state.retryAfter ?? 60 })
            : state.status === 0
              ? t("networkFailed")
              : t("failed", { status: state.status })}
        </span>
      ) : null}
    </>
  );
}

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
