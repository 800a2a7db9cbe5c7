"use server";
// Rating-grid actions. The grid keeps its own state and applies each result, so these do not revalidate the page:
// every cell commit would otherwise re-render the whole team page. Pages reading ratings are rendered per request.
// A paste with bad cells fails as "pasteInvalid" with the cells in `details`.
import { defineAction, withRequestMeta } from "@/lib/server/define-action";
import { clearOverride, clearRating, pasteRatings, setOverride, setRating } from "@/lib/server/ratings";
import {
  clearOverrideSchema,
  clearRatingSchema,
  pasteRatingsSchema,
  setOverrideSchema,
  setRatingSchema,
} from "@/lib/validation/rating";

export const setRatingAction = defineAction(setRatingSchema, withRequestMeta(setRating));

export const clearRatingAction = defineAction(clearRatingSchema, withRequestMeta(clearRating));

export const pasteRatingsAction = defineAction(pasteRatingsSchema, withRequestMeta(pasteRatings));

export const setOverrideAction = defineAction(setOverrideSchema, withRequestMeta(setOverride));

export const clearOverrideAction = defineAction(clearOverrideSchema, withRequestMeta(clearOverride));
