// Moves focus to the first focusable element after (or, backwards, the last one before) a container: what Tab does
// when the grid hands focus back to the page from inside an editor that is about to disappear.
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusBeyond(container: Element | null, backwards: boolean): void {
  if (!container) return;
  const all = Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !container.contains(el) && el.getClientRects().length > 0,
  );
  const pos = (el: Element) => container.compareDocumentPosition(el);
  const target = backwards
    ? all.filter((el) => pos(el) & Node.DOCUMENT_POSITION_PRECEDING).at(-1)
    : all.find((el) => pos(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  target?.focus();
}
