// scheme://host of a request as its client sees it, for links we hand out (invitations, share links). Protocol and
// host only shape the requester's own cookie flag and the links they are shown, so a forged value harms nobody else;
// they are read from the proxy headers whether or not a proxy is trusted.
export function publicOrigin(get: (name: string) => string | null): { origin: string; secure: boolean } {
  const secure = get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const host = get("x-forwarded-host")?.split(",")[0]?.trim() || get("host") || "localhost";
  return { origin: `${secure ? "https" : "http"}://${host}`, secure };
}
