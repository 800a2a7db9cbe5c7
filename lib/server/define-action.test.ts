import { beforeEach, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { forbidden, notFound, stale } from "@/lib/errors/domain-error";
import type { Actor } from "./actor";

const calls = vi.hoisted(() => ({ revalidated: [] as unknown[][], actor: null as Actor | null }));

vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => calls.revalidated.push(args) }));
vi.mock("next/navigation", () => ({
  // Next's redirect() throws a signal that must reach Next untouched.
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));
vi.mock("./context", async () => {
  const { unauthenticated } = await import("@/lib/errors/domain-error");
  return {
    actorOrThrow: async () => {
      if (!calls.actor) throw unauthenticated("signedOut");
      return calls.actor;
    },
    sessionOrThrow: async () => {
      if (!calls.actor) throw unauthenticated("signedOut");
      return { id: "s1", userId: calls.actor.userId };
    },
  };
});
vi.mock("./request-meta", () => ({
  getRequestMeta: async () => ({ ip: "127.0.0.1", origin: "http://x", secure: false }),
}));

const { defineAction, defineFormAction, defineRedirectAction } = await import("./define-action");

const ada: Actor = { userId: "u1", workspaceId: "w1", role: "ARCHITECT" };
const schema = z.object({ decisionId: z.string().min(1, "required"), name: z.string().min(1, "nameRequired").max(20) });

beforeEach(() => {
  calls.revalidated = [];
  calls.actor = ada;
});

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe("defineAction", () => {
  test("parses, passes the actor and the parsed input, revalidates and returns the data", async () => {
    const handler = vi.fn(async (actor: Actor, input: { decisionId: string; name: string }) => ({
      by: actor.userId,
      name: input.name,
    }));
    const action = defineAction(schema, handler, {
      revalidate: (i) => [{ path: `/decisions/${i.decisionId}`, type: "layout" }],
    });
    expect(await action({ decisionId: "d1", name: "Kafka" })).toEqual({ ok: true, data: { by: "u1", name: "Kafka" } });
    expect(calls.revalidated).toEqual([["/decisions/d1", "layout"]]);
  });

  test("invalid input → field errors; the handler never runs and nothing is revalidated", async () => {
    const handler = vi.fn(async () => "written");
    const action = defineAction(schema, handler, { revalidate: ["/"] });
    expect(await action({ decisionId: "", name: "" })).toEqual({
      ok: false,
      error: "invalidInput",
      fieldErrors: { decisionId: "required", name: "nameRequired" },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(calls.revalidated).toEqual([]);
  });

  test("a valid first argument followed by extra arguments is refused: the endpoint takes exactly one", async () => {
    const handler = vi.fn(async () => "written");
    const action = defineAction(z.enum(["en", "zh-CN"]), handler, { auth: "public" }) as (
      ...args: unknown[]
    ) => Promise<unknown>;
    expect(await action("en")).toEqual({ ok: true, data: "written" });
    expect(await action("en", null, new FormData())).toEqual({ ok: false, error: "invalidInput" });
    expect(await action("en", undefined)).toEqual({ ok: false, error: "invalidInput" });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  test.each([null, undefined, "a string", 42, [1, 2]])(
    "non-object input %j → invalidInput without a 500",
    async (raw) => {
      const handler = vi.fn(async () => "written");
      const action = defineAction(schema, handler);
      expect(await (action as (input: unknown) => Promise<unknown>)(raw)).toEqual({ ok: false, error: "invalidInput" });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  test("a lone surrogate or a control character is a field error before the schema or handler runs", async () => {
    const handler = vi.fn(async () => "written");
    const action = defineAction(schema, handler);
    for (const name of ["broken \uD800 text", "tail \uDC00", "bell \u0007"])
      expect(await action({ decisionId: "d1", name })).toEqual({
        ok: false,
        error: "invalidInput",
        fieldErrors: { name: "textInvalid" },
      });
    expect(handler).not.toHaveBeenCalled();
  });

  test("a domain error from the data layer is the typed failure; nothing is revalidated", async () => {
    const action = defineAction(
      schema,
      async () => {
        throw stale("criterion", { name: "theirs", version: 3 });
      },
      { revalidate: ["/"] },
    );
    expect(await action({ decisionId: "d1", name: "mine" })).toEqual({
      ok: false,
      error: "stale",
      current: { name: "theirs", version: 3 },
    });
    expect(calls.revalidated).toEqual([]);
  });

  test("signed out → signedOut before the handler runs; a public action runs without an actor", async () => {
    calls.actor = null;
    const handler = vi.fn(async () => "written");
    expect(await defineAction(schema, handler)({ decisionId: "d1", name: "x" })).toEqual({
      ok: false,
      error: "signedOut",
    });
    expect(handler).not.toHaveBeenCalled();
    const open = defineAction(schema, async (who) => who, { auth: "public" });
    expect(await open({ decisionId: "d1", name: "x" })).toEqual({ ok: true, data: null });
  });

  test("an unknown error is rethrown (a bug is a bug, not a typed result)", async () => {
    const bug = new TypeError("cannot read properties of undefined");
    const action = defineAction(schema, async () => {
      throw bug;
    });
    await expect(action({ decisionId: "d1", name: "x" })).rejects.toBe(bug);
  });

  test("Next's redirect/notFound signals raised inside a handler propagate", async () => {
    const { redirect } = await import("next/navigation");
    const action = defineAction(schema, async () => redirect("/elsewhere"));
    await expect(action({ decisionId: "d1", name: "x" })).rejects.toMatchObject({
      digest: "NEXT_REDIRECT;replace;/elsewhere;307;",
    });
  });
});

describe("defineFormAction", () => {
  const formSchema = z.object({
    name: z.string().min(1, "nameRequired"),
    password: z.string().min(8, "passwordTooShort"),
  });

  test("a non-FormData argument is invalidInput, not 'a is not iterable'", async () => {
    const handler = vi.fn(async () => undefined);
    const action = defineFormAction(formSchema, handler);
    for (const bad of [undefined, null, { name: "x" }, "name=x", [["name", "x"]]])
      expect(await (action as (prev: null, fd: unknown) => Promise<unknown>)(null, bad)).toEqual({
        ok: false,
        error: "invalidInput",
      });
    expect(handler).not.toHaveBeenCalled();
  });

  test("(state, FormData) and nothing else: a missing or an extra argument is invalidInput", async () => {
    const handler = vi.fn(async () => undefined);
    const action = defineFormAction(formSchema, handler) as (...args: unknown[]) => Promise<unknown>;
    const fd = form({ name: "Ada", password: "long enough" });
    expect(await action(fd)).toEqual({ ok: false, error: "invalidInput" });
    expect(await action("token", null, fd)).toEqual({ ok: false, error: "invalidInput" });
    expect(handler).not.toHaveBeenCalled();
    expect(await action(null, fd)).toEqual({ ok: true, data: undefined });
  });

  test("field errors echo only the safe fields, never the password", async () => {
    const action = defineFormAction(formSchema, async () => undefined, { echo: ["name"] });
    expect(await action(null, form({ name: "Ada", password: "short" }))).toEqual({
      ok: false,
      error: "invalidInput",
      fieldErrors: { password: "passwordTooShort" },
      values: { name: "Ada" },
    });
  });

  test("domain errors echo too; success gives the message and the data", async () => {
    const failing = defineFormAction(
      formSchema,
      async () => {
        throw forbidden("member.manage");
      },
      { echo: ["name"] },
    );
    expect(await failing(null, form({ name: "Ada", password: "long enough" }))).toEqual({
      ok: false,
      error: "forbidden",
      values: { name: "Ada" },
    });
    const ok = defineFormAction(
      formSchema,
      async (actor, input, fd) => ({ who: actor.userId, name: input.name, raw: fd.get("name") }),
      {
        message: "saved",
        revalidate: [{ path: "/", type: "layout" }],
      },
    );
    expect(await ok(null, form({ name: "Ada", password: "long enough" }))).toEqual({
      ok: true,
      message: "saved",
      data: { who: "u1", name: "Ada", raw: "Ada" },
    });
    expect(calls.revalidated).toEqual([["/", "layout"]]);
  });

  test("redirect after success (and after revalidation) reaches Next", async () => {
    const action = defineFormAction(formSchema, async () => ({ id: "d9" }), {
      revalidate: ["/"],
      redirect: (d) => `/decisions/${d.id}/setup`,
    });
    await expect(action(null, form({ name: "Ada", password: "long enough" }))).rejects.toMatchObject({
      digest: "NEXT_REDIRECT;replace;/decisions/d9/setup;307;",
    });
    expect(calls.revalidated).toEqual([["/"]]);
  });
});

describe("defineRedirectAction", () => {
  const to = (r: { ok: boolean; error?: string }) => (r.ok ? "/?notice=done" : `/?notice=${r.error}`);

  test("success and failure both end in the redirect `to` chooses", async () => {
    const ok = defineRedirectAction(z.object({ decisionId: z.string().min(1) }), async () => undefined, { to });
    await expect(ok(form({ decisionId: "d1" }))).rejects.toMatchObject({
      digest: "NEXT_REDIRECT;replace;/?notice=done;307;",
    });
    const missing = defineRedirectAction(
      z.object({ decisionId: z.string().min(1) }),
      async () => {
        throw notFound("decision");
      },
      { to },
    );
    await expect(missing(form({ decisionId: "d1" }))).rejects.toMatchObject({
      digest: "NEXT_REDIRECT;replace;/?notice=notFound;307;",
    });
    await expect((missing as (fd: unknown) => Promise<void>)("junk")).rejects.toMatchObject({
      digest: "NEXT_REDIRECT;replace;/?notice=invalidInput;307;",
    });
    const handler = vi.fn(async () => undefined);
    const strict = defineRedirectAction(z.object({ decisionId: z.string().min(1) }), handler, { to }) as (
      ...args: unknown[]
    ) => Promise<void>;
    await expect(strict(null, form({ decisionId: "d1" }))).rejects.toMatchObject({
      digest: "NEXT_REDIRECT;replace;/?notice=invalidInput;307;",
    });
    expect(handler).not.toHaveBeenCalled();
  });
});
