// Candidate fields (name, description, link), edited one at a time; shared by the setup tab and the server.
// Error messages are keys under `setup.errors`.
import { z } from "zod";
import { httpUrlSchema } from "./url";

const id = z.string().min(1).max(64);

/** "" or an absolute http(s) URL (lib/validation/url.ts); anything else (javascript:, ftp:, a bare word) is refused. */
export const linkSchema = httpUrlSchema("urlInvalid", "textTooLong");

export const candidateFieldParsers = {
  name: z.string().trim().min(1, "nameRequired").max(120, "nameTooLong"),
  description: z.string().max(2000, "textTooLong"),
  link: linkSchema,
} as const;

export type CandidateField = keyof typeof candidateFieldParsers;
export const CANDIDATE_FIELDS = Object.keys(candidateFieldParsers) as CandidateField[];

/** The editable values of a candidate, as stored (checked against the row in lib/decisions/dto.ts). */
export type CandidateValues = { [K in CandidateField]: z.output<(typeof candidateFieldParsers)[K]> };

/** The same fields in the decision exchange format; key order is the format's. */
export const candidateJsonFields = {
  name: candidateFieldParsers.name,
  // The editors' own rules: a link is http(s) only, wherever it comes from.
  description: candidateFieldParsers.description,
  link: candidateFieldParsers.link,
} as const satisfies Record<CandidateField, z.ZodType>;

export function parseCandidateField(
  field: CandidateField,
  text: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const r = candidateFieldParsers[field].safeParse(text);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues[0]?.message ?? "invalid" };
}

export const candidatePatchSchema = z.object({
  candidateId: id,
  version: z.number().int().min(1),
  field: z.enum(CANDIDATE_FIELDS as [CandidateField, ...CandidateField[]]),
  base: z.string().nullable(),
  value: z.string().max(10_000, "textTooLong"),
});
export type CandidatePatchInput = z.infer<typeof candidatePatchSchema>;

export const addCandidateSchema = z.object({ decisionId: id, name: candidateFieldParsers.name });
