"use server";
// Rating-grid actions. The grid keeps its own state and applies each result, so these do not revalidate the page:
// every cell commit would otherwise re-render the whole team page. Pages reading ratings are rendered per request.
import { errorResult, invalid, runForData as run, type ActionResult } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { getRequestMeta } from "@/lib/server/request-meta";
import {
  clearOverride,
  clearRating,
  PasteInvalidError,
  pasteRatings,
  setOverride,
  setRating,
  type CellValue,
  type OverrideValue,
  type PastedCell,
} from "@/lib/server/ratings";
import {
  clearOverrideSchema,
  clearRatingSchema,
  pasteRatingsSchema,
  setOverrideSchema,
  setRatingSchema,
} from "@/lib/validation/rating";
import { fieldErrorsOf } from "@/lib/validation/team";

type PasteFailure = { ok: false; error: "pasteInvalid"; cells: { memberId: string; skillId: string; error: string }[] };

export async function setRatingAction(input: unknown): Promise<ActionResult<CellValue>> {
  const parsed = setRatingSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return run(async () => setRating(await actorOrThrow(), parsed.data, await getRequestMeta()));
}

export async function clearRatingAction(input: unknown): Promise<ActionResult<void>> {
  const parsed = clearRatingSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return run(async () => clearRating(await actorOrThrow(), parsed.data, await getRequestMeta()));
}

export async function pasteRatingsAction(input: unknown): Promise<ActionResult<PastedCell[]> | PasteFailure> {
  const parsed = pasteRatingsSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  try {
    return { ok: true, data: await pasteRatings(await actorOrThrow(), parsed.data, await getRequestMeta()) };
  } catch (e) {
    if (e instanceof PasteInvalidError) return { ok: false, error: "pasteInvalid", cells: e.cells };
    return errorResult(e);
  }
}

export async function setOverrideAction(input: unknown): Promise<ActionResult<OverrideValue>> {
  const parsed = setOverrideSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return run(async () => setOverride(await actorOrThrow(), parsed.data, await getRequestMeta()));
}

export async function clearOverrideAction(input: unknown): Promise<ActionResult<void>> {
  const parsed = clearOverrideSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return run(async () => clearOverride(await actorOrThrow(), parsed.data, await getRequestMeta()));
}
