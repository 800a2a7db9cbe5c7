// The bad-input suite: generated malformed inputs sent over HTTP to every server action of the production build (by
// id, from its manifest) and to every route, on a private server with its own database. For every input: no HTTP
// 5xx, no error in the server's log, a typed refusal (with field messages when the input is at fault), and not one
// changed row. The generators live in support/malformed-inputs.ts and explain why each input is malformed by construction.
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { DEMO, DEMO_PASSWORD } from "./support/auth";
import {
  HOSTILE_SEGMENTS,
  poisonedArgs,
  poisonedFormArgs,
  randomEncodedSegment,
  stringlessArgs,
} from "./support/malformed-inputs";
import { changedTables, fingerprintOf } from "./support/db-fingerprint";
import { openRawDb, type RawDb } from "./support/raw-db";
import { callAction, listActions, listRoutes, signInCookie, type ActionResponse } from "./support/http-actions";
import { startPrivateServer, type PrivateServer } from "./support/private-server";
import { ERRORS } from "@/lib/errors/domain-error";
import { actionKinds } from "./support/action-kinds";

// Signing out is the one action whose whole point is to change state without input; it is probed by auth.spec.ts.
const SKIP = new Set(["signOutAction", "signOutEverywhereAction"]);
const RUNS = { poisoned: 40, stringless: 25, form: 20 };
const ROUTE_RUNS = 30;
/** Lines Next and the app print for an unhandled error. */
const SERVER_ERROR = /⨯|\bError\b|unhandled|uncaught/i;

let server: PrivateServer;
/** One read-only connection for the whole suite: opening one per input cost most of the suite's time on PostgreSQL. */
let rawDb: RawDb;
/**
 * The fingerprint after the last input. Nothing else writes to the private server's database, so it is the
 * "before" of the next input: one full read of every table per input instead of two.
 */
let lastFingerprint: Map<string, string> | null = null;
let cookies: { label: string; cookie?: string }[] = [];
const realIds: string[] = [];
let sent = 0;

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startPrivateServer("bad-input");
  cookies = [
    { label: "admin", cookie: await signInCookie(server.baseURL, DEMO.admin, DEMO_PASSWORD) },
    { label: "architect", cookie: await signInCookie(server.baseURL, DEMO.ada, DEMO_PASSWORD) },
    { label: "viewer", cookie: await signInCookie(server.baseURL, DEMO.viewer, DEMO_PASSWORD) },
    { label: "anonymous" },
  ];
  rawDb = await openRawDb(server.databaseUrl);
  lastFingerprint = null;
  for (const table of ["Decision", "Criterion", "Candidate", "Team", "TeamMember", "Skill", "User", "Workspace"]) {
    for (const row of await rawDb.all<{ id: string }>(`SELECT id FROM "${table}" ORDER BY id LIMIT 5`))
      realIds.push(row.id);
  }
});

test.afterAll(async () => {
  console.log(`bad-input suite: ${sent} generated inputs sent`);
  await rawDb?.close();
  await server?.stop();
});

const isPlainObject = (v: unknown) =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof FormData);

/**
 * What every refusal must look like: a typed failure whose code is in the one error table (so the UI has a message
 * for it), with field messages whenever the input has the right shape and a field is to blame. A request of the
 * wrong shape (a string where an object belongs, no FormData for a form) has no field to blame: it gets the
 * form-level "invalidInput".
 */
function expectRefusal(res: ActionResponse, what: string, opts: { fieldBlamed: boolean; kind?: string }) {
  expect(res.status, `${what}: HTTP status`).toBeLessThan(500);
  // Plain <form action> endpoints (defineRedirectAction) answer every submission with a redirect, refused or not;
  // that nothing was written is checked by the caller.
  if (opts.kind === "redirect" && res.redirect !== null) return;
  if (res.status !== 200) {
    // Refused before the app ran (malformed request, foreign origin, body too large): a clear 4xx.
    expect([400, 403, 404, 413], `${what}: HTTP ${res.status}`).toContain(res.status);
    return;
  }
  const result = res.result as { ok?: unknown; error?: unknown; fieldErrors?: unknown } | undefined;
  expect(result, `${what}: a decoded action result in ${res.body.slice(0, 300)}`).toBeTruthy();
  expect(result!.ok, `${what}: refused`).toBe(false);
  expect(Object.keys(ERRORS), `${what}: error code`).toContain(result!.error);
  if (result!.fieldErrors !== undefined) {
    const fields = Object.values(result!.fieldErrors as object);
    expect(fields.length, `${what}: field messages`).toBeGreaterThan(0);
    for (const m of fields) expect(typeof m, `${what}: field message is a key`).toBe("string");
  }
  if (opts.fieldBlamed && result!.error === "invalidInput")
    expect(result!.fieldErrors, `${what}: field messages for well-shaped input`).toBeTruthy();
}

const KINDS = actionKinds();

for (const action of listActions()) {
  if (SKIP.has(action.name)) continue;
  const kind = KINDS.get(`${action.file}#${action.name}`);
  test(`${action.file} ${action.name} refuses generated bad input`, async () => {
    expect(kind, `${action.name}: declared with defineAction, defineFormAction or defineRedirectAction`).toBeTruthy();
    const families: [string, fc.Arbitrary<unknown[]>, number][] = [
      ["poisoned", poisonedArgs(realIds), RUNS.poisoned],
      ["stringless", stringlessArgs(), RUNS.stringless],
      ["poisoned form", poisonedFormArgs(realIds), RUNS.form],
    ];
    for (const [family, args, numRuns] of families) {
      await fc.assert(
        fc.asyncProperty(args, fc.nat({ max: cookies.length - 1 }), async (input, who) => {
          const before = lastFingerprint ?? (await fingerprintOf(rawDb));
          const logStart = server.log().length;
          const { label, cookie } = cookies[who];
          const what = `${action.name} (${family}, ${label})`;
          const res = await callAction(server.baseURL, action.id, input, { cookie });
          sent++;
          // A JSON action handed exactly one object, or a form action its (state, FormData): the shape is right, so
          // the poison must be named on a field.
          const wellShaped =
            family !== "stringless" &&
            ((kind === "json" && input.length === 1 && isPlainObject(input[0])) ||
              (kind === "form" && input.length === 2 && input[1] instanceof FormData));
          expectRefusal(res, what, { fieldBlamed: wellShaped, kind });
          lastFingerprint = await fingerprintOf(rawDb);
          expect(changedTables(before, lastFingerprint), `${what}: tables written`).toEqual([]);
          const newLog = server.log().slice(logStart);
          expect(SERVER_ERROR.test(newLog) ? newLog : "", `${what}: server log`).toBe("");
        }),
        { numRuns },
      );
    }
  });
}

/** Every route with each dynamic segment replaced by hostile text, by several methods and actors. */
test("every route answers hostile paths and queries without a server error", async () => {
  const routes = listRoutes();
  expect(routes.length).toBeGreaterThan(10);
  const segment = fc.oneof(fc.constantFrom(...HOSTILE_SEGMENTS), randomEncodedSegment, fc.constantFrom(...realIds));
  const query = fc.oneof(
    fc.constant(""),
    fc
      .tuple(fc.constantFrom("next", "q", "status", "team", "sort", "page", "format"), segment)
      .map(([k, v]) => `?${k}=${v}`),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes),
      fc.array(segment, { minLength: 3, maxLength: 3 }),
      query,
      fc.constantFrom("GET", "POST", "HEAD", "PUT", "DELETE"),
      fc.nat({ max: cookies.length - 1 }),
      async (route, segments, q, method, who) => {
        let i = 0;
        const path = route.replace(/\[[^\]]+\]/g, () => segments[i++]) + q;
        const logStart = server.log().length;
        const { label, cookie } = cookies[who];
        const res = await fetch(`${server.baseURL}${path}`, {
          method,
          headers: { ...(cookie ? { Cookie: cookie } : {}), Origin: server.baseURL },
          redirect: "manual",
        });
        await res.arrayBuffer();
        sent++;
        const what = `${method} ${path.slice(0, 200)} (${label})`;
        expect(res.status, what).toBeLessThan(500);
        const newLog = server.log().slice(logStart);
        expect(SERVER_ERROR.test(newLog) ? newLog : "", `${what}: server log`).toBe("");
      },
    ),
    { numRuns: ROUTE_RUNS * routes.length },
  );
});
