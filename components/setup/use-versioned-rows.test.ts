// @vitest-environment happy-dom
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/server/action-result";
import { SAVE_DELAY_MS, useAutosave } from "./use-autosave";
import {
  useVersionedRows,
  type FieldValue,
  type SaveField,
  type Validate,
  type VersionedRow,
} from "./use-versioned-rows";

type Saved = { name: string; weight: number };
type SaveResult = ActionResult<{ version: number; value: FieldValue }>;

// A field check like the setup editors' (names required, weights ≥ 0), so drafts can be valid or not.
const validate: Validate<Saved> = (_saved, field, text) => {
  if (field === "name") return text.trim() ? { ok: true, value: text.trim() } : { ok: false, error: "nameRequired" };
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) && n >= 0
    ? { ok: true, value: n }
    : { ok: false, error: "weightNotNumber" };
};

const initial: VersionedRow<Saved>[] = [
  { id: "c1", version: 3, saved: { name: "Learning cost", weight: 20 } },
  { id: "c2", version: 1, saved: { name: "Ops", weight: 25 } },
];

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

let save: ReturnType<typeof vi.fn<SaveField<Saved>>>;
const mount = () =>
  renderHook(() => {
    const autosave = useAutosave();
    return { autosave, rows: useVersionedRows<Saved>({ initial, autosave, validate, save }) };
  });
const pause = () => act(async () => void (await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS)));
const row = (r: ReturnType<typeof mount>["result"], id: string) => r.current.rows.rows.find((x) => x.id === id)!;

beforeEach(() => {
  vi.useFakeTimers();
  save = vi.fn<SaveField<Saved>>();
});
afterEach(() => vi.useRealTimers());

describe("useVersionedRows", () => {
  test("an edit shows as typed, saves after the pause with the row's version, then adopts the new version", async () => {
    save.mockResolvedValueOnce({ ok: true, data: { version: 4, value: 30 } });
    const { result } = mount();
    act(() => result.current.rows.edit("c1", "weight", "30"));
    expect(result.current.rows.text("c1", "weight")).toBe("30");
    expect(result.current.rows.live("c1", "weight")).toBe(30);
    expect(save).not.toHaveBeenCalled();
    await pause();
    expect(save).toHaveBeenCalledTimes(1);
    const [sentRow, field, text, base] = save.mock.calls[0];
    expect([sentRow.id, sentRow.version, field, text, base]).toEqual(["c1", 3, "weight", "30", 20]);
    expect(row(result, "c1")).toEqual({ id: "c1", version: 4, saved: { name: "Learning cost", weight: 30 } });
    expect(result.current.rows.text("c1", "weight")).toBe("30");
    expect(result.current.autosave.state).toBe("saved");
  });

  test("typing on while a save is out keeps the newer draft and sends it next, on the new version", async () => {
    const first = deferred<SaveResult>();
    save.mockReturnValueOnce(first.promise).mockResolvedValueOnce({ ok: true, data: { version: 5, value: 35 } });
    const { result } = mount();
    act(() => result.current.rows.edit("c1", "weight", "3"));
    await pause();
    act(() => result.current.rows.edit("c1", "weight", "35"));
    await act(async () => first.resolve({ ok: true, data: { version: 4, value: 3 } }));
    // The answer for "3" must not wipe "35" off the screen.
    expect(result.current.rows.text("c1", "weight")).toBe("35");
    expect(row(result, "c1").version).toBe(4);
    await pause();
    expect(save.mock.calls[1][0].version).toBe(4);
    expect(save.mock.calls[1][2]).toBe("35");
    expect(row(result, "c1")).toMatchObject({ version: 5, saved: { weight: 35 } });
  });

  test("an invalid draft shows its message, sends nothing, and the live figures keep the saved value", async () => {
    const { result } = mount();
    act(() => result.current.rows.edit("c1", "weight", "-"));
    expect(result.current.rows.error("c1", "weight")).toBe("weightNotNumber");
    expect(result.current.rows.live("c1", "weight")).toBe(20);
    expect(result.current.rows.text("c1", "weight")).toBe("-");
    await pause();
    expect(save).not.toHaveBeenCalled();
    // Fixing it clears the message and saves.
    save.mockResolvedValueOnce({ ok: true, data: { version: 4, value: 15 } });
    act(() => result.current.rows.edit("c1", "weight", "15"));
    expect(result.current.rows.error("c1", "weight")).toBeUndefined();
    await pause();
    expect(save).toHaveBeenCalledTimes(1);
  });

  test("blur sends a pending edit at once", async () => {
    save.mockResolvedValueOnce({ ok: true, data: { version: 2, value: "Operations" } });
    const { result } = mount();
    act(() => result.current.rows.edit("c2", "name", "Operations"));
    await act(async () => result.current.rows.blur("c2", "name"));
    expect(save).toHaveBeenCalledTimes(1);
    expect(row(result, "c2")).toEqual({ id: "c2", version: 2, saved: { name: "Operations", weight: 25 } });
  });

  test("stale: both values are shown; keep theirs takes the server's row and version without sending", async () => {
    save.mockResolvedValueOnce({
      ok: false,
      error: "stale",
      current: { theirs: 40, changedBy: "Bo", row: { version: 7, weight: 40 } },
    });
    const { result } = mount();
    act(() => result.current.rows.edit("c1", "weight", "30"));
    await pause();
    expect(result.current.rows.conflict("c1", "weight")).toMatchObject({ theirs: 40, mine: "30", changedBy: "Bo" });
    // A conflict is not a connection failure ("failed"), but nothing is saved either: the indicator says so, and the
    // live figures (the share) use the weight stored now (theirs, 40), not the unsaved 30.
    expect(result.current.autosave.state).toBe("conflict");
    expect(result.current.rows.live("c1", "weight")).toBe(40);
    // Further typing waits for the choice.
    act(() => result.current.rows.edit("c1", "weight", "31"));
    await pause();
    expect(save).toHaveBeenCalledTimes(1);

    act(() => result.current.rows.resolve("c1", "weight", "theirs"));
    expect(result.current.rows.conflict("c1", "weight")).toBeUndefined();
    expect(row(result, "c1")).toMatchObject({ version: 7, saved: { weight: 40 } });
    expect(result.current.rows.text("c1", "weight")).toBe("40");
    expect(result.current.autosave.state).toBe("saved");
    await pause();
    expect(save).toHaveBeenCalledTimes(1);
  });

  test("stale: use mine writes my value over theirs, knowingly (their version and value as the base)", async () => {
    save
      .mockResolvedValueOnce({
        ok: false,
        error: "stale",
        current: { theirs: 40, changedBy: "Bo", row: { version: 7, weight: 40 } },
      })
      .mockResolvedValueOnce({ ok: true, data: { version: 8, value: 30 } });
    const { result } = mount();
    act(() => result.current.rows.edit("c1", "weight", "30"));
    await pause();
    await act(async () => result.current.rows.resolve("c1", "weight", "mine"));
    const [sentRow, , text, base] = save.mock.calls[1];
    expect([sentRow.version, text, base]).toEqual([7, "30", 40]);
    expect(row(result, "c1")).toMatchObject({ version: 8, saved: { weight: 30 } });
    expect(result.current.rows.conflict("c1", "weight")).toBeUndefined();
  });

  test("the server's field message is shown; an outright failure marks the save failed", async () => {
    save
      .mockResolvedValueOnce({ ok: false, error: "invalidInput", fieldErrors: { name: "nameTaken" } })
      .mockResolvedValueOnce({ ok: false, error: "network" });
    const { result } = mount();
    act(() => result.current.rows.edit("c2", "name", "Learning cost"));
    await pause();
    expect(result.current.rows.error("c2", "name")).toBe("nameTaken");
    expect(result.current.autosave.state).toBe("saved");
    act(() => result.current.rows.edit("c2", "name", "Ops 2"));
    await pause();
    expect(result.current.rows.error("c2", "name")).toBe("network");
    expect(result.current.autosave.state).toBe("failed");
    // What the server has is unchanged, and the draft is still there to retry.
    expect(row(result, "c2")).toEqual(initial[1]);
    expect(result.current.rows.text("c2", "name")).toBe("Ops 2");
  });

  test("a version from the server never goes backwards", async () => {
    save.mockResolvedValueOnce({ ok: true, data: { version: 2, value: 10 } });
    const { result } = mount();
    act(() => result.current.rows.edit("c1", "weight", "10"));
    await pause();
    expect(row(result, "c1")).toMatchObject({ version: 3, saved: { weight: 10 } });
  });
});
