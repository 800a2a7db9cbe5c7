// Calls server actions over plain HTTP exactly as the browser does: the action id from the build's manifest in a
// `Next-Action` header, the arguments encoded by React's own `encodeReply`. Server actions are public endpoints, so
// tests that probe them must not depend on the app's client code.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT } from "../../scripts/lib/run";
import { E2E_DIST_DIR } from "./env";

const require = createRequire(path.join(ROOT, "package.json"));
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export interface ActionRef {
  id: string;
  file: string;
  name: string;
}

/** Every server action the production build exposes, from its server reference manifest. */
export function listActions(distDir = E2E_DIST_DIR): ActionRef[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename: string; exportedName: string }> };
  return Object.entries(manifest.node)
    .map(([id, v]) => ({ id, file: v.filename, name: v.exportedName }))
    .sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
}

/** Every app route of the build ("/decisions/[id]/setup", "/api/health", ...). */
export function listRoutes(distDir = E2E_DIST_DIR): string[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, distDir, "server", "app-paths-manifest.json"), "utf8"),
  ) as Record<string, string>;
  return Object.keys(manifest)
    .map((k) => k.replace(/\/(page|route)$/, "") || "/")
    .filter((r) => !r.startsWith("/_"))
    .sort();
}

export interface ActionResponse {
  status: number;
  contentType: string;
  body: string;
  /** The action's return value decoded from the RSC payload, when the response carries one. */
  result: unknown;
  /** Where the action redirected the browser (Next's x-action-redirect header), if it did. */
  redirect: string | null;
}

/** Picks the action's return value out of a flight response: row 0 names it as "$@<row>". */
export function decodeActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  const head = rows.get("0");
  if (!head) return undefined;
  let ref: unknown;
  try {
    ref = (JSON.parse(head) as { a?: unknown }).a;
  } catch {
    return undefined;
  }
  if (typeof ref !== "string" || !ref.startsWith("$@")) return undefined;
  const row = rows.get(ref.slice(2));
  if (row === undefined) return undefined;
  try {
    return JSON.parse(row);
  } catch {
    return undefined;
  }
}

export async function callAction(
  baseURL: string,
  actionId: string,
  args: unknown[],
  opts: { cookie?: string; path?: string } = {},
): Promise<ActionResponse> {
  const body = await encodeReply(args);
  const headers: Record<string, string> = { "Next-Action": actionId, Origin: baseURL, Accept: "text/x-component" };
  if (typeof body === "string") headers["Content-Type"] = "text/plain;charset=UTF-8";
  if (opts.cookie) headers.Cookie = opts.cookie;
  const res = await fetch(`${baseURL}${opts.path ?? "/"}`, { method: "POST", body, headers, redirect: "manual" });
  const text = await res.text();
  const contentType = res.headers.get("content-type") ?? "";
  return {
    status: res.status,
    contentType,
    body: text,
    result: contentType.includes("text/x-component") ? decodeActionResult(text) : undefined,
    redirect: res.headers.get("x-action-redirect"),
  };
}

/** Signs in through the real sign-in action and returns the session cookie ("name=value"). */
export async function signInCookie(baseURL: string, email: string, password: string): Promise<string> {
  const signIn = listActions().find((a) => a.name === "signInAction");
  if (!signIn) throw new Error("signInAction not in the build");
  const form = new FormData();
  form.append("email", email);
  form.append("password", password);
  const body = await encodeReply([null, form]);
  const res = await fetch(`${baseURL}/sign-in`, {
    method: "POST",
    body,
    headers: { "Next-Action": signIn.id, Origin: baseURL },
    redirect: "manual",
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("stackwise_session="));
  if (!cookie) throw new Error(`sign-in as ${email} gave no session cookie (HTTP ${res.status})`);
  return cookie;
}
