import { describe, expect, it } from "vitest";
import { bucketActivity, MAX_BUCKETS } from "./timeline";

const at = (iso: string) => new Date(iso);

describe("activity over time", () => {
  it("counts notes, replies and other comments into hour spans across a day", () => {
    const timeline = bucketActivity(
      [
        { at: at("2026-11-02T09:10:00Z"), counts: "note" },
        { at: at("2026-11-02T09:50:00Z"), counts: "reply" },
        { at: at("2026-11-02T10:00:00Z"), counts: null },
        { at: at("2026-11-02T10:00:00Z"), counts: "note" },
      ],
      { opensAt: at("2026-11-02T09:00:00Z"), dueAt: at("2026-11-03T09:00:00Z") },
    );
    expect(timeline.bucketMs).toBe(60 * 60_000);
    expect(timeline.from).toEqual(at("2026-11-02T09:00:00Z"));
    expect(timeline.buckets[0]).toMatchObject({ notes: 1, replies: 1, comments: 0 });
    expect(timeline.buckets[1]).toMatchObject({ start: at("2026-11-02T10:00:00Z"), notes: 1, replies: 0, comments: 1 });
    // The due time's own hour is a bar: 24 hours plus it.
    expect(timeline.buckets).toHaveLength(25);
  });

  it("keeps a week to a readable number of bars and shows work done exactly at the due time", () => {
    const due = at("2026-11-09T17:00:00Z");
    const timeline = bucketActivity([{ at: due, counts: "note" }], { opensAt: at("2026-11-02T17:00:00Z"), dueAt: due });
    expect(timeline.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(timeline.bucketMs).toBe(6 * 60 * 60_000);
    expect(timeline.buckets.at(-1)!.notes).toBe(1);
    expect(timeline.buckets.reduce((sum, b) => sum + b.notes, 0)).toBe(1);
  });

  it("stretches past the due time for late work and before the opening for nothing", () => {
    const timeline = bucketActivity([{ at: at("2026-11-05T12:00:00Z"), counts: "reply" }], {
      opensAt: at("2026-11-02T00:00:00Z"),
      dueAt: at("2026-11-03T00:00:00Z"),
    });
    expect(timeline.from).toEqual(at("2026-11-02T00:00:00Z"));
    expect(timeline.to.getTime()).toBeGreaterThan(at("2026-11-05T12:00:00Z").getTime());
    expect(timeline.buckets.reduce((sum, b) => sum + b.replies, 0)).toBe(1);
  });

  it("gives a due time right at the opening one bar rather than none", () => {
    const opens = at("2026-11-02T09:00:00Z");
    const timeline = bucketActivity([], { opensAt: opens, dueAt: opens });
    expect(timeline.buckets).toHaveLength(1);
    expect(timeline.buckets[0]).toMatchObject({ notes: 0, replies: 0, comments: 0 });
  });
});
