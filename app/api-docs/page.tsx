import { getTranslations } from "next-intl/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export async function generateMetadata() {
  return { title: (await getTranslations("api"))("title") };
}

type Schema = {
  items?: Schema;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  $ref?: string;
  enum?: unknown[];
  anyOf?: Schema[];
};
type Param = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Op = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string }>;
  "x-stackwise-scope"?: string;
};

const typeOf = (s: Schema | undefined): string => {
  if (!s) return "";
  if (s.$ref) return s.$ref.split("/").pop() ?? "";
  if (s.enum) return s.enum.map(String).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "");
};

/** A body's fields, with the fields of an array of objects listed as `rows[].field` below it. */
function fieldsOf(body: Schema, resolve: (s: Schema | undefined) => Schema | undefined): [string, Schema, boolean][] {
  return Object.entries(body.properties ?? {}).flatMap(([name, s]): [string, Schema, boolean][] => {
    const own: [string, Schema, boolean] = [name, s, body.required?.includes(name) ?? false];
    const item = s.items ? resolve(s.items) : undefined;
    if (!item?.properties) return [own];
    return [own, ...fieldsOf(item, resolve).map(([n, x, r]): [string, Schema, boolean] => [`${name}[].${n}`, x, r])];
  });
}

/** The API reference, rendered by the app itself from the OpenAPI document (no external viewer or CDN). */
export default async function ApiDocsPage() {
  const t = await getTranslations("api");
  const doc = buildOpenApiDocument() as unknown as {
    paths: Record<string, Record<string, Op>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? ""))];
  const resolve = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? doc.components?.schemas?.[s.$ref.split("/").pop() ?? ""] : s;
  return (
    <section className="api-docs">
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <p>{t("auth")}</p>
      <p>
        <a href="/api/v1/openapi.json">{t("document")}</a>
      </p>
      <nav aria-label={t("contents")}>
        <ul>
          {ops.map(({ method, path, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`}>
                <code>
                  {method} {path}
                </code>
              </a>{" "}
              — {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{tag}</h2>
          {ops
            .filter((o) => (o.op.tags?.[0] ?? "") === tag)
            .map(({ method, path, op }) => {
              const body = resolve(op.requestBody?.content["application/json"]?.schema);
              return (
                <article key={op.operationId} id={op.operationId} className="api-op">
                  <h3>
                    <code>
                      {method} /api/v1{path}
                    </code>
                  </h3>
                  <p>
                    <strong>{op.summary}</strong>
                    {op.description ? ` ${op.description}` : ""}
                  </p>
                  <p>{t("scopeLine", { scope: op["x-stackwise-scope"] ?? "" })}</p>
                  {op.parameters && op.parameters.length > 0 && (
                    <table className="data-table">
                      <caption>{t("parameters")}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("parameter")}</th>
                          <th scope="col">{t("in")}</th>
                          <th scope="col">{t("required")}</th>
                          <th scope="col">{t("type")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {op.parameters.map((p) => (
                          <tr key={`${p.in}-${p.name}`}>
                            <th scope="row">
                              <code>{p.name}</code>
                            </th>
                            <td>{p.in}</td>
                            <td>{p.required ? t("yes") : t("no")}</td>
                            <td>
                              {typeOf(p.schema)}
                              {p.description ? ` — ${p.description}` : ""}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  {body?.properties && (
                    <table className="data-table">
                      <caption>{t("body")}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("field")}</th>
                          <th scope="col">{t("required")}</th>
                          <th scope="col">{t("type")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {fieldsOf(body, resolve).map(([name, s, required]) => (
                          <tr key={name}>
                            <th scope="row">
                              <code>{name}</code>
                            </th>
                            <td>{required ? t("yes") : t("no")}</td>
                            <td>
                              {typeOf(s)}
                              {s.description ? ` — ${s.description}` : ""}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  <table className="data-table">
                    <caption>{t("responses")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("status")}</th>
                        <th scope="col">{t("meaning")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {Object.entries(op.responses).map(([status, r]) => (
                        <tr key={status}>
                          <th scope="row">{status}</th>
                          <td>{r.description}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </article>
              );
            })}
        </section>
      ))}
    </section>
  );
}
