import { describe, expect, it } from "vitest";
import { isSiteModerator } from "./site-moderators";

describe("isSiteModerator", () => {
  it("matches listed emails whatever their case and spacing", () => {
    expect(isSiteModerator("Mod@Example.edu", " someone@example.edu , mod@example.edu")).toBe(true);
    expect(isSiteModerator("other@example.edu", "mod@example.edu")).toBe(false);
  });

  it("names nobody when the list is empty or the email missing", () => {
    expect(isSiteModerator("mod@example.edu", "")).toBe(false);
    expect(isSiteModerator("", ",,")).toBe(false);
    expect(isSiteModerator(undefined, "mod@example.edu")).toBe(false);
  });
});
