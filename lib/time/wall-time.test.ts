/** Wall-clock times typed in one zone become the right instants, around daylight-saving changes too. */
import { describe, expect, it } from "vitest";
import { instantToWallTime, isTimeZone, wallTimeToInstant } from "./wall-time";

describe("wall-clock times and instants", () => {
  it("reads a time in the zone it was typed in", () => {
    expect(wallTimeToInstant("2027-05-03T12:00", "UTC")?.toISOString()).toBe("2027-05-03T12:00:00.000Z");
    expect(wallTimeToInstant("2027-05-03T12:00", "Europe/Berlin")?.toISOString()).toBe("2027-05-03T10:00:00.000Z");
    expect(wallTimeToInstant("2027-01-15T23:30", "America/New_York")?.toISOString()).toBe("2027-01-16T04:30:00.000Z");
    expect(wallTimeToInstant("2027-05-03T12:00", "Asia/Kolkata")?.toISOString()).toBe("2027-05-03T06:30:00.000Z");
  });

  it("moves a time skipped by the spring change forward, and takes the first of a repeated one", () => {
    // Berlin skips 02:00-03:00 on 28 March 2027; New York repeats 01:00-02:00 on 7 November 2027.
    expect(wallTimeToInstant("2027-03-28T02:30", "Europe/Berlin")?.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(wallTimeToInstant("2027-11-07T01:30", "America/New_York")?.toISOString()).toBe("2027-11-07T05:30:00.000Z");
  });

  it("refuses what is not a date, a time or a zone", () => {
    expect(wallTimeToInstant("2027-02-30T12:00", "UTC")).toBeNull();
    expect(wallTimeToInstant("2027-05-03T24:00", "UTC")).toBeNull();
    expect(wallTimeToInstant("3 May 2027", "UTC")).toBeNull();
    expect(wallTimeToInstant("2027-05-03T12:00", "Mars/Olympus_Mons")).toBeNull();
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
  });

  it("gives back the wall-clock time a form shows", () => {
    const instant = new Date("2027-05-03T10:00:00Z");
    expect(instantToWallTime(instant, "Europe/Berlin")).toBe("2027-05-03T12:00");
    expect(instantToWallTime(instant, "America/Los_Angeles")).toBe("2027-05-03T03:00");
    for (const zone of ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"]) {
      expect(wallTimeToInstant(instantToWallTime(instant, zone), zone)).toEqual(instant);
    }
  });
});
