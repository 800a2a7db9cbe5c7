// How each server action reads its arguments, from its declaration in lib/actions: `defineAction` takes one object,
// `defineFormAction` takes (state, FormData), `defineRedirectAction` takes a FormData. The bad-input suite uses it to
// know when a refusal must name a field.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../../scripts/lib/run";

export type ActionKind = "json" | "form" | "redirect";

export function actionKinds(): Map<string, ActionKind> {
  const dir = path.join(ROOT, "lib", "actions");
  const out = new Map<string, ActionKind>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const m of text.matchAll(/export const (\w+) = define(Form|Redirect)?Action\b/g))
      out.set(`lib/actions/${file}#${m[1]}`, m[2] === "Form" ? "form" : m[2] === "Redirect" ? "redirect" : "json");
  }
  return out;
}
