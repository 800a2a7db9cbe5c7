// Static view of which message namespaces each route's client components read, for the test that every
// <ClientMessages> sends what its subtree needs (lib/i18n/client-messages.test.ts). Read with the TypeScript parser,
// not regular expressions, so that comments, strings and nested JSX are told apart.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ROOT } from "@/scripts/lib/run";

export { ROOT };
/** Files Next renders for a route segment. */
const ENTRY_NAMES = [
  "layout",
  "page",
  "not-found",
  "forbidden",
  "unauthorized",
  "error",
  "global-error",
  "loading",
  "template",
];

export interface ModuleInfo {
  file: string;
  isClient: boolean;
  /** Resolved local modules it imports (static, re-exports and dynamic import()). */
  imports: string[];
  /** Literal namespaces passed to useTranslations(); `null` marks a call whose argument is not a literal. */
  namespaces: (string | null)[];
  /** Import bindings (local name → resolved file) of local modules. */
  bindings: Map<string, string>;
  source: ts.SourceFile;
}

const cache = new Map<string, ModuleInfo>();

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [
    base,
    `${base}.tsx`,
    `${base}.ts`,
    path.join(base, "index.tsx"),
    path.join(base, "index.ts"),
  ]) {
    if (/\.(tsx?|mts)$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile())
      return candidate;
  }
  return null;
}

function hasDirective(sf: ts.SourceFile, directive: string): boolean {
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isStringLiteral(st.expression)) return false;
    if (st.expression.text === directive) return true;
  }
  return false;
}

export function moduleInfo(file: string): ModuleInfo {
  const hit = cache.get(file);
  if (hit) return hit;
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const imports = new Set<string>();
  const bindings = new Map<string, string>();
  const namespaces: (string | null)[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      const target = resolveImport(file, node.moduleSpecifier.text);
      if (target && !typeOnly) {
        imports.add(target);
        const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
        if (clause?.name) bindings.set(clause.name.text, target);
        const named = clause?.namedBindings;
        if (named && ts.isNamedImports(named))
          for (const el of named.elements) if (!el.isTypeOnly) bindings.set(el.name.text, target);
        if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, target);
      }
    } else if (ts.isCallExpression(node)) {
      if (
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const target = resolveImport(file, node.arguments[0].text);
        if (target) imports.add(target);
      } else if (ts.isIdentifier(node.expression) && node.expression.text === "useTranslations") {
        const arg = node.arguments[0];
        if (!arg) namespaces.push("");
        else if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) namespaces.push(arg.text);
        else namespaces.push(null);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const info: ModuleInfo = {
    file,
    isClient: hasDirective(source, "use client"),
    imports: [...imports],
    namespaces,
    bindings,
    source,
  };
  cache.set(file, info);
  return info;
}

/**
 * The modules that run in the browser when `entry` renders: those marked "use client" and everything they import.
 * Server modules are walked through (a server component may render a client one), other entries are not.
 */
export function clientModules(entry: string): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string, client: boolean) => {
    const key = `${client}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const info = moduleInfo(file);
    const isClient = client || info.isClient;
    if (isClient) out.add(file);
    for (const dep of info.imports) walk(dep, isClient);
  };
  walk(entry, false);
  return out;
}

/** The route-segment files under app/, each with the layouts above it (outermost first). */
export function routeEntries(appDir = path.join(ROOT, "app")): { file: string; layouts: string[] }[] {
  const out: { file: string; layouts: string[] }[] = [];
  const walk = (dir: string, layouts: string[]) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    const layout = entries.find((e) => e.isFile() && /^layout\.tsx?$/.test(e.name));
    const here = layout ? [...layouts, path.join(dir, layout.name)] : layouts;
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full, here);
      else if (ENTRY_NAMES.some((n) => e.name === `${n}.tsx` || e.name === `${n}.ts`))
        out.push({ file: full, layouts: e.name.startsWith("layout.") ? layouts : here });
    }
  };
  walk(appDir, []);
  return out;
}

export interface Provider {
  /** The literal namespaces of <ClientMessages namespaces={[...]}>. */
  namespaces: string[];
  /** Whether `{children}` is rendered inside it (a layout passes its messages to the segments below). */
  wrapsChildren: boolean;
  /**
   * Imported components rendered outside it whose client parts read messages: those would read the enclosing
   * provider's messages instead.
   */
  outside: string[];
  /** Problems with the element itself (not literal, more than one). */
  problems: string[];
}

const tagName = (el: ts.JsxOpeningLikeElement) => el.tagName.getText();

const providers = new Map<string, Provider | null>();

/** The file's own <ClientMessages>, or null when it has none (read once per file: checkRoutes asks per segment). */
export function ownProvider(file: string): Provider | null {
  if (!providers.has(file)) providers.set(file, readProvider(file));
  return providers.get(file)!;
}

function readProvider(file: string): Provider | null {
  const componentName = "ClientMessages";
  const info = moduleInfo(file);
  const found: ts.JsxElement[] = [];
  const problems: string[] = [];
  const find = (node: ts.Node) => {
    if (ts.isJsxElement(node) && tagName(node.openingElement) === componentName) found.push(node);
    if (ts.isJsxSelfClosingElement(node) && tagName(node) === componentName)
      problems.push(`<${componentName} /> without children`);
    ts.forEachChild(node, find);
  };
  find(info.source);
  if (found.length === 0)
    return problems.length ? { namespaces: [], wrapsChildren: false, outside: [], problems } : null;
  if (found.length > 1)
    problems.push(`${found.length} <${componentName}> elements (one per file, around everything it renders)`);
  const provider = found[0];
  const namespaces: string[] = [];
  const attr = provider.openingElement.attributes.properties.find(
    (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === "namespaces",
  );
  const value = attr?.initializer && ts.isJsxExpression(attr.initializer) ? attr.initializer.expression : undefined;
  if (!value || !ts.isArrayLiteralExpression(value)) problems.push("namespaces is not an array literal");
  else
    for (const el of value.elements) {
      if (ts.isStringLiteral(el)) namespaces.push(el.text);
      else problems.push(`namespaces holds a non-literal: ${el.getText()}`);
    }
  const inside = (node: ts.Node) => node.pos >= provider.pos && node.end <= provider.end;
  let wrapsChildren = false;
  const outside: string[] = [];
  const scan = (node: ts.Node) => {
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      /^(props\.)?children$/.test(node.expression.getText()) &&
      inside(node)
    )
      wrapsChildren = true;
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const name = tagName(node).split(".")[0];
      const target = info.bindings.get(name);
      if (name !== componentName && target && !inside(node) && readsMessages(target)) outside.push(tagName(node));
    }
    ts.forEachChild(node, scan);
  };
  scan(info.source);
  return { namespaces, wrapsChildren, outside, problems };
}

/** Whether rendering the module's components puts a client component that reads messages on the page. */
export const readsMessages = (file: string) =>
  [...clientModules(file)].some((m) => moduleInfo(m).namespaces.length > 0);

/** Whether a namespace list supplies `needed` ("results.verdict" is supplied by "results" or by itself). */
export const covers = (supplied: readonly string[], needed: string) =>
  supplied.some((s) => needed === s || needed.startsWith(`${s}.`));

/** The message namespaces the client components of one route file read (non-literal calls reported apart). */
export function neededNamespaces(file: string): { namespaces: string[]; nonLiteral: string[] } {
  const namespaces = new Set<string>();
  const nonLiteral: string[] = [];
  for (const m of clientModules(file))
    for (const n of moduleInfo(m).namespaces) {
      if (n === null) nonLiteral.push(path.relative(ROOT, m));
      else namespaces.add(n);
    }
  return { namespaces: [...namespaces].sort(), nonLiteral };
}

/**
 * Everything wrong with the routes' message providers, as sentences naming the file: a client namespace no
 * provider sends, a provider that sends a namespace nobody below it reads, a provider that is not literal or does
 * not enclose what it should. Empty when every client component finds its keys.
 */
export function checkRoutes(entries: { file: string; layouts: string[] }[]): string[] {
  const problems: string[] = [];
  const rel = (f: string) => path.relative(ROOT, f);
  // Which entries read each provider's list: the file itself, and the segments below a layout that encloses children.
  const readers = new Map<string, string[]>();
  for (const { file, layouts } of entries) {
    const own = ownProvider(file);
    if (own) {
      for (const p of own.problems) problems.push(`${rel(file)}: ${p}`);
      for (const el of own.outside) problems.push(`${rel(file)}: <${el}> is rendered outside <ClientMessages>`);
    }
    // The provider in effect: the file's own, else the nearest layout above whose provider encloses its children.
    let source: string | null = own ? file : null;
    for (const layout of [...layouts].reverse()) {
      if (source) break;
      if (ownProvider(layout)?.wrapsChildren) source = layout;
    }
    const need = neededNamespaces(file);
    for (const m of need.nonLiteral) problems.push(`${rel(m)}: useTranslations() with a non-literal namespace`);
    if (!source) {
      if (need.namespaces.length)
        problems.push(`${rel(file)}: no <ClientMessages> sends ${need.namespaces.join(", ")}`);
      continue;
    }
    const supplied = ownProvider(source)!.namespaces;
    const missing = need.namespaces.filter((n) => !covers(supplied, n));
    if (missing.length)
      problems.push(`${rel(file)}: its <ClientMessages> (${rel(source)}) lacks ${missing.join(", ")}`);
    readers.set(source, [...(readers.get(source) ?? []), ...need.namespaces]);
  }
  for (const { file } of entries) {
    const own = ownProvider(file);
    if (!own) continue;
    const read = readers.get(file) ?? [];
    const unused = own.namespaces.filter(
      (s) => !read.some((n) => n === s || n.startsWith(`${s}.`) || s.startsWith(`${n}.`)),
    );
    if (unused.length)
      problems.push(`${rel(file)}: <ClientMessages> sends ${unused.join(", ")}, which nothing below it reads`);
  }
  return problems;
}
