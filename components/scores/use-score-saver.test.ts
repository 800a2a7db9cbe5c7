// @vitest-environment happy-dom
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ScoreDto } from "@/lib/decisions/dto";
import type { ActionResult } from "@/lib/server/action-result";
import { cellKey, useScoreSaver } from "./use-score-saver";

// The server actions are the network boundary: each test scripts what the server answers.
const actions = vi.hoisted(() => ({ saveScoreAction: vi.fn(), deleteScoreAction: vi.fn() }));
vi.mock("@/lib/actions/scores", () => actions);
const save = actions.saveScoreAction;
const del = actions.deleteScoreAction;

const KEY = cellKey("learning", "kafka");
const row = (value: number, version: number, extra: Partial<ScoreDto> = {}): ScoreDto => ({
  id: "s1",
  criterionId: "learning",
  candidateId: "kafka",
  evaluatorId: "ada",
  value,
  rationale: "",
  evidenceUrl: "",
  version,
  ...extra,
});
const ok = (data: ScoreDto): ActionResult<ScoreDto> => ({ ok: true, data });
const stale = (current: ScoreDto | null): ActionResult<ScoreDto> => ({ ok: false, error: "stale", current });

/** A promise the test resolves by hand, to look at the hook while a request is out. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const mount = (initial: ScoreDto[] = []) => renderHook(() => useScoreSaver("d1", initial));

beforeEach(() => {
  save.mockReset();
  del.mockReset();
});
afterEach(() => vi.useRealTimers());

describe("useScoreSaver", () => {
  test("shows the typed value at once, then the stored row with its new version", async () => {
    const answer = deferred<ActionResult<ScoreDto>>();
    save.mockReturnValueOnce(answer.promise);
    const { result } = mount();
    let done!: Promise<void>;
    act(() => {
      done = result.current.commit("learning", "kafka", { kind: "save", value: 6 });
    });
    expect(result.current.valueOf(KEY)).toBe(6);
    expect(result.current.states[KEY]).toBe("saving");
    await act(async () => {});
    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({
        decisionId: "d1",
        criterionId: "learning",
        candidateId: "kafka",
        value: 6,
        version: null,
      }),
    );
    await act(async () => {
      answer.resolve(ok(row(6, 1)));
      await done;
    });
    expect(result.current.states[KEY]).toBe("saved");
    expect(result.current.mine[KEY].version).toBe(1);
    expect(result.current.valueOf(KEY)).toBe(6);
  });

  test("writes to one cell go one after another, each with the version the previous one returned", async () => {
    const first = deferred<ActionResult<ScoreDto>>();
    save.mockReturnValueOnce(first.promise).mockResolvedValueOnce(ok(row(8, 3)));
    const { result } = mount([row(5, 1)]);
    let a!: Promise<void>, b!: Promise<void>;
    act(() => {
      a = result.current.commit("learning", "kafka", { kind: "save", value: 7 });
      b = result.current.commit("learning", "kafka", { kind: "save", value: 8 });
    });
    // The second edit waits for the first answer instead of racing it with the same version.
    await act(async () => {
      await Promise.resolve();
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0]).toMatchObject({ value: 7, version: 1 });
    expect(result.current.valueOf(KEY)).toBe(8);
    await act(async () => {
      first.resolve(ok(row(7, 2)));
      await a;
      await b;
    });
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1][0]).toMatchObject({ value: 8, version: 2 });
    expect(result.current.mine[KEY]).toMatchObject({ value: 8, version: 3 });
  });

  test("different cells save independently", async () => {
    const slow = deferred<ActionResult<ScoreDto>>();
    save.mockReturnValueOnce(slow.promise).mockResolvedValueOnce(ok(row(4, 1, { id: "s2", candidateId: "pulsar" })));
    const { result } = mount();
    let other!: Promise<void>;
    act(() => {
      void result.current.commit("learning", "kafka", { kind: "save", value: 6 });
      other = result.current.commit("learning", "pulsar", { kind: "save", value: 4 });
    });
    await act(async () => {
      await other;
    });
    expect(result.current.states[cellKey("learning", "pulsar")]).toBe("saved");
    expect(result.current.states[KEY]).toBe("saving");
    await act(async () => slow.resolve(ok(row(6, 1))));
  });

  test("a network failure is retried after 0.7 s and 2 s, then offered for retry with the typed value kept", async () => {
    vi.useFakeTimers();
    save.mockRejectedValue(new TypeError("Failed to fetch"));
    const { result } = mount();
    let done!: Promise<void>;
    act(() => {
      done = result.current.commit("learning", "kafka", { kind: "save", value: 6 });
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(699);
    });
    expect(save).toHaveBeenCalledTimes(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(save).toHaveBeenCalledTimes(2);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1999);
    });
    expect(save).toHaveBeenCalledTimes(2);
    expect(result.current.states[KEY]).toBe("saving");
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
      await done;
    });
    expect(save).toHaveBeenCalledTimes(3);
    expect(result.current.states[KEY]).toBe("failed");
    expect(result.current.failures[KEY]).toMatchObject({ error: "network", retryable: true });
    expect(result.current.valueOf(KEY)).toBe(6);

    // The connection is back: retry sends the same value and clears the failure.
    save.mockReset();
    save.mockResolvedValueOnce(ok(row(6, 1)));
    await act(async () => {
      result.current.retry("learning", "kafka");
      await vi.runAllTimersAsync();
    });
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ value: 6, version: null }));
    expect(result.current.states[KEY]).toBe("saved");
    expect(result.current.failures[KEY]).toBeUndefined();
  });

  test("a refused value is not retried; the stored value shows again", async () => {
    save.mockResolvedValueOnce({ ok: false, error: "invalidInput", fieldErrors: { value: "valueOutOfScale" } });
    const { result } = mount([row(5, 1)]);
    await act(async () => {
      await result.current.commit("learning", "kafka", { kind: "save", value: 11 });
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(result.current.failures[KEY]).toMatchObject({ error: "valueOutOfScale", retryable: false });
    expect(result.current.valueOf(KEY)).toBe(5);
    act(() => result.current.retry("learning", "kafka"));
    expect(save).toHaveBeenCalledTimes(1);
    act(() => result.current.dismissFailure(KEY));
    expect(result.current.failures[KEY]).toBeUndefined();
    expect(result.current.states[KEY]).toBe("saved");
  });

  test("stale: both values are kept for the person to choose; keep mine writes on top of the stored version", async () => {
    save.mockResolvedValueOnce(stale(row(6, 4))).mockResolvedValueOnce(ok(row(3, 5)));
    const { result } = mount([row(5, 1)]);
    await act(async () => {
      await result.current.commit("learning", "kafka", { kind: "save", value: 3 });
    });
    expect(result.current.states[KEY]).toBe("conflict");
    expect(result.current.conflicts[KEY]).toEqual({ theirs: row(6, 4), yours: { kind: "save", value: 3 } });
    expect(save).toHaveBeenCalledTimes(1);

    await act(async () => {
      result.current.resolve("learning", "kafka", "mine");
      await Promise.resolve();
    });
    await act(async () => {});
    expect(save.mock.calls[1][0]).toMatchObject({ value: 3, version: 4 });
    expect(result.current.conflicts[KEY]).toBeUndefined();
    expect(result.current.mine[KEY]).toMatchObject({ value: 3, version: 5 });
    expect(result.current.states[KEY]).toBe("saved");
  });

  test("stale: use theirs adopts the stored row and sends nothing", async () => {
    save.mockResolvedValueOnce(stale(row(6, 4)));
    const { result } = mount([row(5, 1)]);
    await act(async () => {
      await result.current.commit("learning", "kafka", { kind: "save", value: 3 });
    });
    act(() => result.current.resolve("learning", "kafka", "theirs"));
    expect(save).toHaveBeenCalledTimes(1);
    expect(result.current.valueOf(KEY)).toBe(6);
    expect(result.current.mine[KEY].version).toBe(4);
    expect(result.current.states[KEY]).toBe("saved");
  });

  test("stale with the same content stored (a retried save that had landed) is simply saved", async () => {
    save.mockResolvedValueOnce(stale(row(6, 1)));
    const { result } = mount();
    await act(async () => {
      await result.current.commit("learning", "kafka", { kind: "save", value: 6 });
    });
    expect(result.current.conflicts[KEY]).toBeUndefined();
    expect(result.current.states[KEY]).toBe("saved");
    expect(result.current.mine[KEY].version).toBe(1);
  });

  test("delete sends the stored version; deleting an empty cell sends nothing", async () => {
    del.mockResolvedValueOnce({ ok: true });
    const { result } = mount([row(5, 2)]);
    await act(async () => {
      await result.current.commit("learning", "kafka", { kind: "delete" });
    });
    expect(del).toHaveBeenCalledWith({ decisionId: "d1", criterionId: "learning", candidateId: "kafka", version: 2 });
    expect(result.current.valueOf(KEY)).toBeNull();
    expect(result.current.mine[KEY]).toBeUndefined();
    await act(async () => {
      await result.current.commit("learning", "kafka", { kind: "delete" });
    });
    expect(del).toHaveBeenCalledTimes(1);
    expect(result.current.states[KEY]).toBe("saved");
  });
});
