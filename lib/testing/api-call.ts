// Calls /api/v1 inside the test process the way the route handler does (a real Request through handleApiRequest),
// and checks every answer against the OpenAPI document.
import { handleApiRequest, type HandleOptions } from "@/lib/api/handle";
import type { Conformance } from "./openapi-conformance";

export interface ApiCall {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface ApiCallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  options?: HandleOptions;
}

export function apiCaller(conformance: Conformance) {
  return async function call(method: string, path: string, opts: ApiCallOptions = {}): Promise<ApiCall> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    const request = new Request(`http://127.0.0.1/api/v1${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const url = new URL(request.url);
    const segments = url.pathname
      .replace(/^\/api\/v1\/?/, "")
      .split("/")
      .filter(Boolean)
      .map(decodeURIComponent);
    const res = await handleApiRequest(request, segments, opts.options);
    const type = res.headers.get("content-type");
    const text = await res.text();
    const body = type?.includes("json") && text ? JSON.parse(text) : text;
    conformance.check(method, url.pathname, res.status, type, body);
    return { status: res.status, headers: res.headers, body };
  };
}
