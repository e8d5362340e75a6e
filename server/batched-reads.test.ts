import { describe, expect, it } from "vitest";
import { BatchedReads } from "./batched-reads";

/** A read that records each batch and finishes when told to. */
function controlledRead() {
  const batches: string[][] = [];
  const finish: Array<() => void> = [];
  const reads = new BatchedReads<string, string>(
    (keys) =>
      new Promise((resolve) => {
        batches.push(keys);
        finish.push(() => resolve(new Map(keys.map((key) => [key, `value of ${key} (read ${batches.length})`]))));
      }),
  );
  return { reads, batches, finish };
}

describe("BatchedReads", () => {
  it("reads the keys asked for in one turn once, in one batch", async () => {
    const { reads, batches, finish } = controlledRead();
    const answers = Promise.all([reads.load("a"), reads.load("b"), reads.load("a")]);
    await Promise.resolve();
    expect(batches).toEqual([["a", "b"]]);
    finish[0]!();
    expect(await answers).toEqual(["value of a (read 1)", "value of b (read 1)", "value of a (read 1)"]);
  });

  it("never answers a caller from a read that started before it asked", async () => {
    const { reads, batches, finish } = controlledRead();
    const early = reads.load("a");
    await Promise.resolve();
    const late = reads.load("a"); // the first read is running: this one waits for the next
    finish[0]!();
    expect(await early).toBe("value of a (read 1)");
    await Promise.resolve();
    expect(batches).toEqual([["a"], ["a"]]);
    finish[1]!();
    expect(await late).toBe("value of a (read 2)");
  });

  it("gathers everyone who asked while a read ran into the next one", async () => {
    const { reads, batches, finish } = controlledRead();
    const first = reads.load("x");
    await Promise.resolve();
    const rest = Promise.all(["a", "b", "c"].map((key) => reads.load(key)));
    finish[0]!();
    await first;
    await Promise.resolve();
    expect(batches).toEqual([["x"], ["a", "b", "c"]]);
    finish[1]!();
    expect(await rest).toHaveLength(3);
  });

  it("rejects the whole batch when its read fails, and reads the next batch anyway", async () => {
    let fail = true;
    const reads = new BatchedReads<string, number>(async (keys) => {
      if (fail) throw new Error("database down");
      return new Map(keys.map((key) => [key, key.length]));
    });
    const failed = reads.load("one");
    const alsoFailed = reads.load("two");
    await expect(failed).rejects.toThrow("database down");
    await expect(alsoFailed).rejects.toThrow("database down");
    fail = false;
    expect(await reads.load("three")).toBe(5);
    expect(await reads.load("missing")).toBe(7);
  });
});
