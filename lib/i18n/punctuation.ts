// Chinese text uses full-width punctuation (：，（）；！？). These helpers find the ASCII marks that sit in Chinese
// prose, while leaving alone what is not prose: ICU placeholders and their format syntax, URLs, times and numbers
// ("12:30", "15.0%"), and lists of Latin names ("Kafka, RabbitMQ").

/** ASCII marks that have a full-width counterpart in Chinese typography. */
const ASCII_MARKS = ":,();!?";
const FULL_WIDTH: Record<string, string> = {
  ":": "：",
  ",": "，",
  "(": "（",
  ")": "）",
  ";": "；",
  "!": "！",
  "?": "？",
};
/** Han characters and the CJK / full-width punctuation blocks. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The message with ICU syntax blanked out (same length, so positions still match): `{name}`, the head of
 * `{n, plural, ...}` / select / number, branch keys (`one {`, `=0 {`), `#`, and closing braces. Branch bodies stay,
 * because they are prose.
 */
export function maskIcu(message: string): string {
  const blank = (m: string) => " ".repeat(m.length);
  return message
    .replace(
      /\{\s*[A-Za-z0-9_]+\s*,\s*(?:plural|select|selectordinal|number|date|time)\s*(?:,\s*(?:offset:\d+\s*)?)?/g,
      blank,
    )
    .replace(/(?:zero|one|two|few|many|other|=\d+|[A-Za-z0-9_]+)\s*\{/g, (m) =>
      /^[A-Za-z0-9_=]/.test(m) ? blank(m) : m,
    )
    .replace(/\{\s*[A-Za-z0-9_]+\s*\}/g, (m) => "X".repeat(m.length))
    .replace(/[{}#]/g, " ")
    .replace(/\bhttps?:\/\/\S+/g, blank)
    .replace(/<\/?[A-Za-z]+>/g, blank);
}

export interface PunctuationProblem {
  index: number;
  mark: string;
  /** What to write instead. */
  expected: string;
  reason: "ascii-next-to-chinese" | "mixed-pair";
}

/** Neighbour of position i in direction d, skipping at most one space. */
function neighbour(text: string, i: number, d: 1 | -1): string {
  let j = i + d;
  if (text[j] === " ") j += d;
  return text[j] ?? "";
}

/**
 * Problems in one Chinese message: ASCII marks beside Chinese text (or beside such a mark, as in "）," — or closing
 * the bracket such a mark opened), and brackets opened in one style and closed in the other.
 */
export function punctuationProblems(message: string): PunctuationProblem[] {
  const text = maskIcu(message);
  const flagged = new Map<number, PunctuationProblem["reason"]>();
  // Bracket partners, matched across both styles.
  const partner = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "（") open.push(i);
    else if (c === ")" || c === "）") {
      const o = open.pop();
      if (o === undefined) continue;
      partner.set(o, i).set(i, o);
      // "（… )" and "(… ）" mix the two styles even where no mark touches a Chinese character.
      if ((text[o] === "(") !== (c === ")")) flagged.set(c === ")" ? i : o, "mixed-pair");
    }
  }
  const isMark = (i: number) => ASCII_MARKS.includes(text[i] ?? "");
  for (let i = 0; i < text.length; i++)
    if (isMark(i) && (CJK.test(neighbour(text, i, -1)) || CJK.test(neighbour(text, i, 1))))
      flagged.set(i, "ascii-next-to-chinese");
  // Spread to marks that touch a flagged mark and to the partners of flagged brackets, until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < text.length; i++) {
      if (!isMark(i) || flagged.has(i)) continue;
      const p = partner.get(i);
      if (flagged.has(i - 1) || flagged.has(i + 1) || (p !== undefined && flagged.has(p))) {
        flagged.set(i, "ascii-next-to-chinese");
        changed = true;
      }
    }
  }
  return [...flagged]
    .sort(([a], [b]) => a - b)
    .map(([index, reason]) => ({ index, mark: text[index], expected: FULL_WIDTH[text[index]], reason }));
}
