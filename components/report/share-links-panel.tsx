"use client";
// Create and revoke read-only share links. The new link's URL is shown once (only its hash is stored).
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { createShareLinkAction, revokeShareLinkAction } from "@/lib/actions/share-links";

export interface ShareLinkRow {
  id: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  createdByName: string | null;
  state: "active" | "expired" | "revoked";
}

const DAYS = [1, 7, 30, 90];

/** canRevoke: architects and admins; viewers (managers) may create links; revoking stays with them. */
export function ShareLinksPanel({
  decisionId,
  links,
  canRevoke,
}: {
  decisionId: string;
  links: ShareLinkRow[];
  canRevoke: boolean;
}) {
  const t = useTranslations("report.share");
  const f = useFormatter();
  const router = useRouter();
  const [days, setDays] = useState(7);
  const [created, setCreated] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();
  const date = (iso: string) =>
    f.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

  const create = () =>
    start(async () => {
      const r = await createShareLinkAction({ decisionId, days });
      if (r.ok) {
        setCreated(r.data!.url);
        setCopied(false);
        setStatus(t("created"));
        router.refresh();
      } else setStatus(r.error);
    });
  const revoke = (linkId: string) =>
    start(async () => {
      const r = await revokeShareLinkAction({ decisionId, linkId });
      setStatus(r.ok ? t("revokedDone") : r.error);
      router.refresh();
    });

  return (
    <section className="report-panel no-print" aria-labelledby="share-title">
      <h2 id="share-title">{t("title")}</h2>
      <p>{t("lede")}</p>
      <div className="share-create">
        <label>
          {t("expiresIn")}{" "}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {DAYS.map((d) => (
              <option key={d} value={d}>
                {t("days", { count: d })}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="button" onClick={create} disabled={pending}>
          {t("create")}
        </button>
      </div>
      {created ? (
        <div className="share-created">
          <label>
            {t("linkLabel")}
            <input
              type="text"
              readOnly
              value={created}
              data-testid="share-url"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>{" "}
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard?.writeText(created).catch(() => undefined);
              setCopied(true);
            }}
          >
            {copied ? t("copied") : t("copy")}
          </button>
        </div>
      ) : null}
      <p aria-live="polite" className="report-note">
        {status}
      </p>
      {links.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="share-list">
          {links.map((l) => (
            <li key={l.id} data-state={l.state}>
              {l.state === "active"
                ? t("active", { date: date(l.expiresAt) })
                : l.state === "expired"
                  ? t("expired", { date: date(l.expiresAt) })
                  : t("revoked", { date: date(l.revokedAt!) })}{" "}
              <span className="report-note">
                {t("createdBy", { date: date(l.createdAt), name: l.createdByName ?? "?" })}
              </span>{" "}
              {l.state === "active" && canRevoke ? (
                <button type="button" onClick={() => revoke(l.id)} disabled={pending}>
                  {t("revoke")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
