// Escaping user text for Markdown (CommonMark + GFM): a backslash before exactly the characters that would otherwise
// start structure, and nothing else, so "(created, paid, shipped)" stays as typed.
//   anywhere:       \ ` * _ [ ] < ~ (code, emphasis, links/images, raw HTML and autolinks, strikethrough) and & when
//                   it would start an entity (&amp; &#38;)
//   at line start:  # (heading), > (quote), - + = (list item, setext underline), "1. " / "1) " (ordered list)
//   in table cells: | as well (mdCell)
// Parentheses, braces, !, :, . and # inside a line are plain text in Markdown and are left alone.
const ANYWHERE = /[\\`*_[\]<~]|&(?=#?[a-z0-9]+;)/gi;

function escapeLine(line: string): string {
  return (
    line
      .replace(ANYWHERE, (c) => `\\${c}`)
      .replace(/^(\s*)([#>+=-])/, "$1\\$2")
      // An ordered-list marker is digits, then . or ), then a space or the end: "50.7 ms" is not one.
      .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
  );
}

/** Inline text: whitespace (including line breaks) collapsed, then escaped. */
export function mdInline(s: string): string {
  return escapeLine(s.replace(/\s+/g, " ").trim());
}

/** A paragraph block: the user's line breaks kept (as hard breaks), each line escaped. */
export function mdBlock(s: string): string {
  return s
    .trim()
    .split(/\r?\n/)
    .map((l) => mdInline(l))
    .join("  \n");
}

/** Text inside a GFM table cell: inline escaping plus the column separator. */
export function mdCell(s: string): string {
  return mdInline(s).replaceAll("|", "\\|");
}

/**
 * A YAML scalar for the front matter: a double-quoted string. JSON string syntax is valid YAML double-quoted syntax,
 * so quotes, backslashes, colons, leading dashes and control characters are all safe.
 */
export function yamlString(s: string): string {
  return JSON.stringify(s);
}
