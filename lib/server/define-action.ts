import "server-only";
// The one shape of every server action: edge checks → zod parse (field errors, handler never runs) → who is acting
// → handler(who, input), in the data layer's own argument order (it authorises) → revalidate → typed result. Domain errors become the typed failure;
// anything else, including Next's redirect()/notFound() signals, propagates. Not a "use server" file: the actions
// in lib/actions export what these functions return.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { ActionData, ActionFailure, ActionResult, ActionState } from "@/lib/errors/action-result";
import { inputProblem } from "@/lib/validation/input-guard";
import type { Actor } from "./actor";
import { errorResult } from "./action-result";
import { actorOrThrow, sessionOrThrow } from "./context";
import type { ValidSession } from "./sessions";
import { getRequestMeta, type RequestMeta } from "./request-meta";

/** actor: a member of the active workspace (default). session: signed in, maybe in no workspace. public: anyone. */
export type ActionAuth = "actor" | "session" | "public";
type Who<A extends ActionAuth> = A extends "actor" ? Actor : A extends "session" ? ValidSession : null;

export type RevalidateTarget = string | { path: string; type: "layout" | "page" };

export interface ActionOptions<A extends ActionAuth, I, T> {
  auth?: A;
  /** Paths to revalidate after a success (never after a failure: nothing changed). */
  revalidate?: RevalidateTarget[] | ((input: I, data: T) => RevalidateTarget[]);
}

export interface FormActionOptions<A extends ActionAuth, I, T> extends ActionOptions<A, I, T> {
  /** Fields safe to send back on failure so the form shows them again (never passwords). */
  echo?: string[];
  /** The success message key. */
  message?: string | ((input: I, data: T) => string);
  /** Where to go after a success (after revalidation). */
  redirect?: (data: T, input: I) => string;
}

/** Bad input: field messages keyed by the top-level field; a problem with the input as a whole has no field. */
export function invalidInput(error: z.ZodError): ActionFailure {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.path.length === 0) continue;
    fieldErrors[String(issue.path[0])] ??= issue.message;
  }
  return Object.keys(fieldErrors).length > 0
    ? { ok: false, error: "invalidInput", fieldErrors }
    : { ok: false, error: "invalidInput" };
}

async function whoIs<A extends ActionAuth>(auth: A): Promise<Who<A>> {
  if (auth === "public") return null as Who<A>;
  if (auth === "session") return (await sessionOrThrow()) as Who<A>;
  return (await actorOrThrow()) as Who<A>;
}

async function run<S extends z.ZodType, T, A extends ActionAuth>(
  schema: S,
  handler: (who: Who<A>, input: z.output<S>) => Promise<T>,
  options: ActionOptions<A, z.output<S>, T>,
  raw: unknown,
): Promise<{ ok: true; data: T; input: z.output<S> } | ActionFailure> {
  const problem = inputProblem(raw);
  if (problem) return { ok: false, error: "invalidInput", fieldErrors: { [problem.field]: problem.key } };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error);
  let data: T;
  try {
    data = await handler(await whoIs((options.auth ?? "actor") as A), parsed.data);
  } catch (e) {
    return errorResult(e);
  }
  const targets =
    typeof options.revalidate === "function" ? options.revalidate(parsed.data, data) : (options.revalidate ?? []);
  for (const t of targets) {
    if (typeof t === "string") revalidatePath(t);
    else revalidatePath(t.path, t.type);
  }
  return { ok: true, data, input: parsed.data };
}

/** An action called with a plain object from a client component. */
export function defineAction<S extends z.ZodType, T, A extends ActionAuth = "actor">(
  schema: S,
  handler: (who: Who<A>, input: z.output<S>) => Promise<T>,
  options: ActionOptions<A, z.output<S>, T> = {},
): (input: z.input<S>) => Promise<ActionResult<ActionData<T>>> {
  // The endpoint is public: a caller can send any number of arguments. Extra ones are refused, not ignored, so a
  // request of the wrong shape never succeeds because its first argument happens to be valid.
  return async (...args: unknown[]) => {
    if (args.length > 1) return { ok: false, error: "invalidInput" };
    const result = await run(schema, handler, options, args[0]);
    return result.ok ? { ok: true, data: result.data as ActionData<T> } : result;
  };
}

/** FormData → plain strings (files and Next's own $ACTION fields left out), for zod. */
export function formFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}

function echo(fields: Record<string, string>, keys: string[] | undefined): Record<string, string> | undefined {
  if (!keys) return undefined;
  return Object.fromEntries(keys.filter((k) => k in fields).map((k) => [k, fields[k]]));
}

/**
 * A `useActionState` form action: (previous state, FormData). The second argument is checked to really be FormData
 * (anything else is "invalidInput", not a crash); its string fields are parsed by the schema, and the handler also
 * gets the FormData itself (for file uploads).
 */
export function defineFormAction<S extends z.ZodType, T, A extends ActionAuth = "actor">(
  schema: S,
  handler: (who: Who<A>, input: z.output<S>, formData: FormData) => Promise<T>,
  options: FormActionOptions<A, z.output<S>, T> = {},
): (prev: ActionState<ActionData<T>>, formData: FormData) => Promise<ActionState<ActionData<T>>> {
  return async (...args: unknown[]) => {
    const formData = args[1];
    if (args.length !== 2 || !(formData instanceof FormData)) return { ok: false, error: "invalidInput" };
    const fields = formFields(formData);
    const result = await run(schema, (who: Who<A>, input) => handler(who, input, formData), options, fields);
    if (!result.ok) {
      const values = echo(fields, options.echo);
      return values ? { ...result, values } : result;
    }
    if (options.redirect) redirect(options.redirect(result.data, result.input));
    const message =
      typeof options.message === "function" ? options.message(result.input, result.data) : options.message;
    const data = result.data as ActionData<T>;
    return message === undefined ? { ok: true, data } : { ok: true, data, message };
  };
}

/**
 * A plain `<form action>` that always ends in a redirect (list actions that report through ?notice=): `to` gets the
 * result, success or failure, and returns the path.
 */
export function defineRedirectAction<S extends z.ZodType, T, A extends ActionAuth = "actor">(
  schema: S,
  handler: (who: Who<A>, input: z.output<S>) => Promise<T>,
  options: ActionOptions<A, z.output<S>, T> & {
    to: (result: ActionResult<T>, fields: Record<string, string>) => string;
  },
): (formData: FormData) => Promise<void> {
  return async (...args: unknown[]) => {
    const formData = args[0];
    const wellShaped = args.length === 1 && formData instanceof FormData;
    const fields = wellShaped ? formFields(formData) : {};
    const result: ActionResult<T> = wellShaped
      ? await run(schema, handler, options, fields).then((r) => (r.ok ? { ok: true, data: r.data } : r))
      : { ok: false, error: "invalidInput" };
    redirect(options.to(result, fields));
  };
}

/** Adapts a data-layer write that takes the request's meta (client IP for the audit trail) to a handler. */
export function withRequestMeta<W, I, T>(
  fn: (who: W, input: I, meta: RequestMeta) => Promise<T>,
): (who: W, input: I) => Promise<T> {
  return async (who, input) => fn(who, input, await getRequestMeta());
}
