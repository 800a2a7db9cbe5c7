// @vitest-environment happy-dom
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { SAVE_DELAY_MS, useAutosave } from "./use-autosave";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

const tick = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("useAutosave", () => {
  test("saves after the typing pause, and a newer edit of the same field restarts the pause", async () => {
    const { result } = renderHook(() => useAutosave());
    const first = vi.fn(async () => true);
    const second = vi.fn(async () => true);
    act(() => result.current.schedule("c1:name", first));
    expect(result.current.state).toBe("saving");
    await tick(SAVE_DELAY_MS - 100);
    act(() => result.current.schedule("c1:name", second));
    await tick(SAVE_DELAY_MS - 1);
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    await tick(1);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(result.current.state).toBe("saved");
  });

  test("a save that meets a colleague's newer value is a conflict, never 'saved', until the person chooses", async () => {
    const { result } = renderHook(() => useAutosave());
    act(() => result.current.schedule("c1:weight", async () => "conflict" as const));
    await tick(SAVE_DELAY_MS);
    expect(result.current.state).toBe("conflict");
    // Another field saving meanwhile does not hide it.
    act(() => result.current.schedule("c1:name", async () => true));
    await tick(SAVE_DELAY_MS);
    expect(result.current.state).toBe("conflict");
    // "Keep theirs" cancels the field's pending work: nothing is left unsaved.
    act(() => result.current.cancel("c1:weight"));
    expect(result.current.state).toBe("saved");
    // "Use mine" saves again; once that lands, everything is saved.
    await act(async () => void (await result.current.start("c1:weight", async () => "conflict" as const)));
    expect(result.current.state).toBe("conflict");
    await act(async () => void (await result.current.start("c1:weight", async () => true)));
    expect(result.current.state).toBe("saved");
  });

  test("different fields have their own pause", async () => {
    const { result } = renderHook(() => useAutosave());
    const name = vi.fn(async () => true);
    const weight = vi.fn(async () => true);
    act(() => result.current.schedule("c1:name", name));
    await tick(300);
    act(() => result.current.schedule("c1:weight", weight));
    await tick(SAVE_DELAY_MS - 300);
    expect(name).toHaveBeenCalledTimes(1);
    expect(weight).not.toHaveBeenCalled();
    await tick(300);
    expect(weight).toHaveBeenCalledTimes(1);
  });

  test("blur saves a pending edit at once; with nothing pending it sends nothing", async () => {
    const { result } = renderHook(() => useAutosave());
    const run = vi.fn(async () => true);
    act(() => result.current.flush("c1:name", run));
    expect(run).not.toHaveBeenCalled();
    act(() => result.current.schedule("c1:name", run));
    await act(async () => result.current.flush("c1:name", run));
    expect(run).toHaveBeenCalledTimes(1);
    // The cancelled timer does not send it a second time.
    await tick(SAVE_DELAY_MS * 2);
    expect(run).toHaveBeenCalledTimes(1);
  });

  test("one request per field at a time: edits made meanwhile wait, and only the latest is sent", async () => {
    const { result } = renderHook(() => useAutosave());
    const out = deferred<boolean>();
    const first = vi.fn(() => out.promise);
    const middle = vi.fn(async () => true);
    const latest = vi.fn(async () => true);
    act(() => void result.current.start("c1:name", first));
    act(() => void result.current.start("c1:name", middle));
    act(() => void result.current.start("c1:name", latest));
    expect(first).toHaveBeenCalledTimes(1);
    expect(latest).not.toHaveBeenCalled();
    expect(result.current.state).toBe("saving");
    await act(async () => out.resolve(true));
    expect(middle).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);
    expect(result.current.state).toBe("saved");
  });

  test("a failed save (false or thrown) shows failed until that field saves again", async () => {
    const { result } = renderHook(() => useAutosave());
    await act(async () => result.current.start("c1:name", async () => false));
    expect(result.current.state).toBe("failed");
    // Another field saving fine does not hide the failure.
    await act(async () => result.current.start("c2:name", async () => true));
    expect(result.current.state).toBe("failed");
    await act(async () => result.current.start("c1:name", async () => true));
    expect(result.current.state).toBe("saved");
    await act(async () =>
      result.current.start("c1:name", async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    expect(result.current.state).toBe("failed");
  });

  test("cancel forgets a pending save and its failure", async () => {
    const { result } = renderHook(() => useAutosave());
    const run = vi.fn(async () => true);
    await act(async () => result.current.start("c1:name", async () => false));
    act(() => result.current.schedule("c1:name", run));
    act(() => result.current.cancel("c1:name"));
    expect(result.current.state).toBe("saved");
    await tick(SAVE_DELAY_MS * 2);
    expect(run).not.toHaveBeenCalled();
  });

  test("leaving the page while a save is pending asks first", async () => {
    const { result } = renderHook(() => useAutosave());
    const leave = () => {
      const e = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    act(() => result.current.schedule("c1:name", async () => true));
    expect(leave()).toBe(true);
    await tick(SAVE_DELAY_MS);
    expect(leave()).toBe(false);
  });
});
