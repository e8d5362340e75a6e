import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugFromTitle } from "./essay-slug";

describe("essay slugs", () => {
  it("are made of the title's words, without accents or punctuation, cut at a word", () => {
    expect(slugFromTitle("The Taliban Against Russia? Neither Alliance, nor Fight")).toBe("the-taliban-against-russia-neither-alliance-nor-fight");
    expect(slugFromTitle("Émile’s “Éducation”")).toBe("emiles-education");
    expect(slugFromTitle("a ".repeat(50)).length).toBeLessThanOrEqual(60);
    expect(slugFromTitle("Почему мы читаем")).toBe("essay");
  });

  it("get a number when taken, and never take the import page's own name", () => {
    expect(firstFreeSlug("essay", new Set())).toBe("essay");
    expect(firstFreeSlug("essay", new Set(["essay", "essay-2"]))).toBe("essay-3");
    expect(firstFreeSlug("new", new Set())).toBe("new-2");
  });
});
