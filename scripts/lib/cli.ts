// Command-line pieces the benchmarks share: `--name value` / `--name=value` flags and a plain-text table.

/** The value of `--name value` or `--name=value`, else the fallback. */
export function flagText(name: string, fallback: string, argv = process.argv.slice(2)): string {
  const i = argv.indexOf(`--${name}`);
  return (i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)) ?? fallback;
}

/** A non-negative number flag; `integer` refuses fractions (counts). */
export function flagNumber(name: string, fallback: number, opts: { integer?: boolean } = {}, argv?: string[]): number {
  const raw = flagText(name, String(fallback), argv);
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (opts.integer && !Number.isInteger(n)))
    throw new Error(`--${name} must be a ${opts.integer ? "whole " : ""}number, got ${raw}`);
  return n;
}

/** Columns padded to their widest cell: the first left-aligned (labels), the others right-aligned (figures). */
export function textTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
