// The browser gets only the message namespaces its client components read (components/i18n/client-messages.tsx).
// A namespace left out would show raw keys ("scores.conflict.title") instead of text, so the lists are checked
// against the code: every route's client components, found by walking the imports, against the <ClientMessages>
// in effect for that route.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { checkRoutes, neededNamespaces, ownProvider, ROOT, routeEntries } from "@/lib/testing/client-graph";
import { clientMessages, pickMessages } from "./client-messages";
import { LOCALES } from "./config";
import { MESSAGES } from "./messages";

const catalog = {
  a: { x: "A.x", y: { deep: "A.y.deep", other: "A.y.other" } },
  b: { z: "B.z" },
  c: "C",
};

describe("pickMessages", () => {
  test("keeps only the given paths, nested as in the catalog", () => {
    expect(pickMessages(catalog, ["a.y", "b"])).toEqual({
      a: { y: { deep: "A.y.deep", other: "A.y.other" } },
      b: { z: "B.z" },
    });
    expect(pickMessages(catalog, [])).toEqual({});
  });

  test("a shorter path holds the longer one whichever comes first", () => {
    expect(pickMessages(catalog, ["a.y", "a"])).toEqual({ a: catalog.a });
    expect(pickMessages(catalog, ["a", "a.y"])).toEqual({ a: catalog.a });
    expect(pickMessages(catalog, ["a.y.deep", "a.x"])).toEqual({ a: { x: "A.x", y: { deep: "A.y.deep" } } });
  });

  test("leaves the catalog as it was", () => {
    const before = JSON.stringify(catalog);
    pickMessages(catalog, ["a", "a.y", "a.y.deep", "b.z"]);
    expect(JSON.stringify(catalog)).toBe(before);
  });

  test("an unknown path throws instead of sending nothing", () => {
    expect(() => pickMessages(catalog, ["a.nope"])).toThrow('No messages at "a.nope"');
    expect(() => pickMessages(catalog, ["c.below"])).toThrow('No messages at "c.below"');
    expect(() => pickMessages(catalog, ["toString"])).toThrow();
  });

  test("clientMessages is computed once per locale and list, whatever the order", () => {
    const one = clientMessages("en", ["results", "auth.header"]);
    expect(clientMessages("en", ["auth.header", "results"])).toBe(one);
    expect(one.results).toBe(MESSAGES.en.results);
    expect(clientMessages("zh-CN", ["results"]).results).toBe(MESSAGES["zh-CN"].results);
  });
});

describe("the routes' <ClientMessages>", () => {
  const entries = routeEntries();

  test("send every namespace their client components read, and nothing they do not", () => {
    expect(checkRoutes(entries)).toEqual([]);
  });

  test("name paths that exist in both catalogs", () => {
    for (const { file } of entries) {
      const own = ownProvider(file);
      for (const locale of LOCALES) expect(() => clientMessages(locale, own?.namespaces ?? [])).not.toThrow();
    }
  });

  test("the walk finds client components behind server ones", () => {
    // The results page renders DecisionView (a server component), whose client sections read these.
    const page = path.join(ROOT, "app/decisions/[id]/page.tsx");
    expect(neededNamespaces(page).namespaces).toEqual(
      expect.arrayContaining(["results.verdict", "results.whatIf", "facts.basis", "decisions.criteria"]),
    );
    // The root layout's header: the workspace switcher, through the account menu (a server component).
    expect(neededNamespaces(path.join(ROOT, "app/layout.tsx")).namespaces).toEqual(["auth.header", "auth.roles"]);
  });

  test("the decisions list sends the browser a few hundred bytes of messages, not the catalog", () => {
    const root = ownProvider(path.join(ROOT, "app/layout.tsx"))!;
    expect(ownProvider(path.join(ROOT, "app/page.tsx"))).toBeNull();
    const bytes = Buffer.byteLength(JSON.stringify(clientMessages("zh-CN", root.namespaces)));
    const whole = Buffer.byteLength(JSON.stringify(MESSAGES["zh-CN"]));
    expect(bytes).toBeLessThan(1000);
    expect(whole).toBeGreaterThan(50_000);
  });
});

describe("checkRoutes on made-up routes", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "client-graph-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const app = (files: Record<string, string>) => {
    const root = path.join(dir, `app${n++}`);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    return checkRoutes(routeEntries(root)).map((p) => p.replace(/^.*?app\d+\//, ""));
  };
  const widget = `"use client";\nimport { useTranslations } from "next-intl";\nexport function Widget() { const t = useTranslations("results.verdict"); return <p>{t("title")}</p>; }\n`;
  const plain = `import { Widget } from "./widget";\nexport function Plain() { return <div><Widget /></div>; }\n`;
  const layout = (ns: string, around = "{children}") =>
    `import { ClientMessages } from "x";\nexport default function L({ children }) { return <html><body><ClientMessages namespaces={${ns}}>${around}</ClientMessages>${around === "{children}" ? "" : "{children}"}</body></html>; }\n`;

  test("a namespace the provider in effect lacks, found through a server component", () => {
    const problems = app({
      "layout.tsx": layout(`["auth.header"]`),
      "page.tsx": `import { Plain } from "./plain";\nexport default function P() { return <Plain />; }\n`,
      "plain.tsx": plain,
      "widget.tsx": widget,
    });
    expect(problems).toEqual([
      expect.stringMatching(/page\.tsx: its <ClientMessages> \(.*layout\.tsx\) lacks results\.verdict$/),
      expect.stringMatching(/layout\.tsx: <ClientMessages> sends auth\.header, which nothing below it reads$/),
    ]);
  });

  test("a parent namespace covers a child one; the page's own provider replaces the layout's", () => {
    expect(
      app({
        "layout.tsx": layout(`["results"]`),
        "page.tsx": `import { Widget } from "./widget";\nexport default function P() { return <Widget />; }\n`,
        "widget.tsx": widget,
      }),
    ).toEqual([]);
    const replaced = app({
      "layout.tsx": layout(`["results"]`),
      "page.tsx": `import { ClientMessages } from "x";\nimport { Widget } from "./widget";\nexport default function P() { return <ClientMessages namespaces={["teams"]}><Widget /></ClientMessages>; }\n`,
      "widget.tsx": widget,
    });
    expect(replaced).toContainEqual(
      expect.stringMatching(/page\.tsx: its <ClientMessages> \(.*page\.tsx\) lacks results\.verdict$/),
    );
  });

  test("a layout whose provider does not enclose its children passes nothing down", () => {
    const problems = app({
      "layout.tsx": `import { ClientMessages } from "x";\nimport { Widget } from "./widget";\nexport default function L({ children }) { return <main><ClientMessages namespaces={["results.verdict"]}><Widget /></ClientMessages>{children}</main>; }\n`,
      "page.tsx": `import { Widget } from "./widget";\nexport default function P() { return <Widget />; }\n`,
      "widget.tsx": widget,
    });
    expect(problems).toEqual([expect.stringMatching(/page\.tsx: no <ClientMessages> sends results\.verdict$/)]);
  });

  test("a component rendered outside the file's provider, a second provider, a computed list", () => {
    const problems = app({
      "page.tsx": `import { ClientMessages } from "x";\nimport { Widget } from "./widget";\nconst ns = ["results"];\nexport default function P() { return <><Widget /><ClientMessages namespaces={ns}><Widget /></ClientMessages><ClientMessages namespaces={["results"]}><Widget /></ClientMessages></>; }\n`,
      "widget.tsx": widget,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/2 <ClientMessages> elements/),
        expect.stringMatching(/namespaces is not an array literal/),
        expect.stringMatching(/<Widget> is rendered outside <ClientMessages>/),
      ]),
    );
  });

  test("a namespace that is not a literal cannot be checked, so it is an error", () => {
    const problems = app({
      "layout.tsx": layout(`["results"]`),
      "page.tsx": `import { Dyn } from "./dyn";\nexport default function P() { return <Dyn ns="results" />; }\n`,
      "dyn.tsx": `"use client";\nimport { useTranslations } from "next-intl";\nexport function Dyn({ ns }) { const t = useTranslations(ns); return <p>{t("x")}</p>; }\n`,
    });
    expect(problems).toContainEqual(
      expect.stringMatching(/dyn\.tsx: useTranslations\(\) with a non-literal namespace$/),
    );
  });
});
