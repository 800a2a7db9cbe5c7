// fontkit ships no types; this is the one call the PDF export makes (reading a font's character map).
declare module "fontkit" {
  export function openSync(path: string): { characterSet: number[] };
}
