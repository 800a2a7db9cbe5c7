// Every table of the data model, in foreign-key order, for the backup, restore and copy tools. The list of models and
// their columns comes from the generated client (Prisma.ModelName, Prisma.<Model>ScalarFieldEnum), so a new model is
// picked up without editing this file; which column references which table, which columns are Json and which field
// is the primary key come from the one schema source, prisma/schema.prisma.
import fs from "node:fs";
import path from "node:path";
import { Prisma } from "@/generated/prisma/client";
import { ROOT } from "../lib/run";

export interface TableInfo {
  /** Model name, which is also the table name (the schema maps none). */
  model: string;
  /** The client's property for the model: `auditEvent` for AuditEvent. */
  delegate: string;
  /** Primary-key fields (one for every model today; composite keys are supported). */
  pk: string[];
  /** Scalar columns, in the client's order. */
  fields: string[];
  /** Json columns: a NULL read back must be written as Prisma.DbNull. */
  json: Set<string>;
  /** Models this one references through a foreign key (other than itself). */
  dependsOn: string[];
  /** Foreign-key columns that point at the same table (e.g. Decision.supersededById): written in a second pass. */
  selfRefs: string[];
}

interface ParsedModel {
  pk: string[];
  json: Set<string>;
  refs: { model: string; fields: string[] }[];
}

function parseSchema(text: string): Map<string, ParsedModel> {
  const models = new Map<string, ParsedModel>();
  for (const m of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const parsed: ParsedModel = { pk: [], json: new Set(), refs: [] };
    for (const raw of m[2].split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (!line) continue;
      const composite = /^@@id\(\s*\[([^\]]*)\]/.exec(line);
      if (composite) parsed.pk = composite[1].split(",").map((s) => s.trim());
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!field) continue;
      const [, name, type, , , attrs] = field;
      if (/(^|\s)@id(\s|\(|$)/.test(attrs)) parsed.pk = [name];
      if (type === "Json") parsed.json.add(name);
      const rel = /@relation\(([^)]*)\)/.exec(attrs);
      const fields = rel && /fields:\s*\[([^\]]*)\]/.exec(rel[1]);
      if (fields) parsed.refs.push({ model: type, fields: fields[1].split(",").map((s) => s.trim()) });
    }
    models.set(m[1], parsed);
  }
  return models;
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

let cached: TableInfo[] | undefined;

/** All tables, each after every table it references (so inserts in this order never break a foreign key). */
export function tablesInForeignKeyOrder(schemaFile = path.join(ROOT, "prisma", "schema.prisma")): TableInfo[] {
  if (cached) return cached;
  const parsed = parseSchema(fs.readFileSync(schemaFile, "utf8"));
  const names = Object.values(Prisma.ModelName) as string[];
  const missing = names.filter((n) => !parsed.has(n));
  const extra = [...parsed.keys()].filter((n) => !names.includes(n));
  if (missing.length || extra.length)
    throw new Error(
      `The generated client and prisma/schema.prisma disagree (${[...missing, ...extra].join(", ")}): run npx prisma generate.`,
    );
  const info = new Map<string, TableInfo>();
  for (const model of names) {
    const p = parsed.get(model)!;
    const enumObj = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[
      `${model}ScalarFieldEnum`
    ];
    if (!enumObj) throw new Error(`Prisma.${model}ScalarFieldEnum missing from the generated client`);
    if (p.pk.length === 0) throw new Error(`${model} has no primary key in the schema`);
    info.set(model, {
      model,
      delegate: lowerFirst(model),
      pk: p.pk,
      fields: Object.values(enumObj),
      json: p.json,
      dependsOn: [...new Set(p.refs.filter((r) => r.model !== model).map((r) => r.model))],
      selfRefs: p.refs.filter((r) => r.model === model).flatMap((r) => r.fields),
    });
  }
  // Depth-first topological sort; a cycle between two different tables would need deferred constraints: refuse.
  const out: TableInfo[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`Foreign-key cycle: ${[...trail, name].join(" → ")}`);
    state.set(name, "visiting");
    for (const dep of info.get(name)!.dependsOn) visit(dep, [...trail, name]);
    state.set(name, "done");
    out.push(info.get(name)!);
  };
  for (const name of names) visit(name, []);
  cached = out;
  return out;
}
