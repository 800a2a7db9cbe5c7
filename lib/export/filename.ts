// Download names after the decision's title. `filename` carries an ASCII fallback (non-ASCII → "_", quotes and
// separators removed) and `filename*` the exact UTF-8 name per RFC 5987/6266, so "消息代理.pdf" survives in every
// modern browser while old clients still get a usable name.
export const EXPORT_FORMATS = ["pdf", "md", "csv", "xlsx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

export function baseName(title: string): string {
  const cleaned = title
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  return cleaned || "decision";
}

export function contentDisposition(title: string, ext: string): string {
  const name = `${baseName(title)}.${ext}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/[";\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The file name a browser would take from a Content-Disposition header: the exact UTF-8 `filename*` when present,
 * else the plain `filename`, else null. Used when a download is fetched by script (to show progress) and saved
 * through a blob link, which would otherwise lose the server's name.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? plain[1].trim() || null : null;
}
