import { getTranslations } from "next-intl/server";
import type { AuditEventView } from "@/lib/server/audit";

function details(e: AuditEventView): string {
  const parts: string[] = [];
  if (e.before) parts.push(`${JSON.stringify(e.before)} →`);
  if (e.after) parts.push(JSON.stringify(e.after));
  return parts.join(" ");
}

/** Times are printed as ISO UTC, the same in every language, so entries can be matched against server logs. */
export async function AuditTable({ events }: { events: AuditEventView[] }) {
  const t = await getTranslations("auth.audit");
  if (events.length === 0) return <p className="hint">{t("empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <thead>
          <tr>
            <th scope="col">{t("time")}</th>
            <th scope="col">{t("actor")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("entity")}</th>
            <th scope="col">{t("details")}</th>
            <th scope="col">{t("ip")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.createdAt}>{e.createdAt.replace("T", " ").slice(0, 19)}</time>
              </td>
              <td>
                {e.actorName ?? t("system")}
                {e.actorEmail && <span className="sub">{e.actorEmail}</span>}
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.entityType}
                {e.entityId && <span className="sub">{e.entityId}</span>}
              </td>
              <td className="audit-details">{details(e)}</td>
              <td>{e.ipAddress ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
