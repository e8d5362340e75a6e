import { describe, expect, it } from "vitest";
import { readingParts } from "./pdf-columns";

const run = (str: string, x: number, y: number, width: number) => ({ str, transform: [12, 0, 0, 12, x, y], width, height: 12 });
const rowsAt = (ys: number[], make: (y: number) => ReturnType<typeof run>[]) => ys.flatMap(make);

describe("readingParts", () => {
  it("splits a page drawn row by row into what is above, the left column, the right column and what is below", () => {
    const title = run("A title across the whole width of the page", 72, 740, 460);
    const columns = rowsAt([700, 683, 666, 649], (y) => [run(`left ${y}`, 72, y, 200), run(`right ${y}`, 324, y, 200)]);
    const footer = run("A footer line running across the middle", 150, 600, 300);
    const parts = readingParts([title, ...columns, footer]).map((part) => part.map((r) => r.str));
    expect(parts).toEqual([[title.str], ["left 700", "left 683", "left 666", "left 649"], ["right 700", "right 683", "right 666", "right 649"], [footer.str]]);
  });

  it("leaves a page in drawing order when text crosses the middle between the rows, or too few rows show a gutter", () => {
    const table = [...rowsAt([700, 683, 666], (y) => [run("cell", 72, y, 200), run("cell", 324, y, 200)]), run("a wide line", 72, 690, 460)];
    expect(readingParts(table)).toEqual([table]);
    const twoRows = rowsAt([700, 683], (y) => [run("a", 72, y, 200), run("b", 324, y, 200)]);
    expect(readingParts(twoRows)).toEqual([twoRows]);
  });
});
