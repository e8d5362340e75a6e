/** Bodies left open are closed, and bodies already closed are left exactly as typed. */
import { describe, expect, it } from "vitest";
import { closeOpenBlocks } from "./close-open-blocks";

describe("closing what a body leaves open", () => {
  it("closes a code fence pasted without its end, with the same marker", () => {
    expect(closeOpenBlocks("Look:\n```js\nconst x = 1;")).toBe("Look:\n```js\nconst x = 1;\n```");
    expect(closeOpenBlocks("~~~~\ncode")).toBe("~~~~\ncode\n~~~~");
    expect(closeOpenBlocks("- item\n    ````\n    deep")).toBe("- item\n    ````\n    deep\n    ````");
  });

  it("leaves closed fences, inline code and plain text alone", () => {
    for (const body of ["```\ncode\n```", "~~~\na\n~~~~~", "use ```a``` inline", "plain\ntext", "```\n````\n"]) {
      expect(closeOpenBlocks(body)).toBe(body);
    }
  });

  it("does not close a fence with the other marker or a shorter one", () => {
    expect(closeOpenBlocks("````\n```\n~~~~")).toBe("````\n```\n~~~~\n````");
  });

  it("closes HTML blocks that only an end marker ends", () => {
    expect(closeOpenBlocks("<!-- draft\nstill a comment")).toBe("<!-- draft\nstill a comment\n-->");
    expect(closeOpenBlocks("<pre>\nx")).toBe("<pre>\nx\n</pre>");
    expect(closeOpenBlocks("<!-- closed -->\nafter")).toBe("<!-- closed -->\nafter");
    expect(closeOpenBlocks("<SCRIPT>\nx\n</script>")).toBe("<SCRIPT>\nx\n</script>");
  });

  it("does not read HTML inside a fence, or a fence inside HTML", () => {
    expect(closeOpenBlocks("```\n<!--\n```")).toBe("```\n<!--\n```");
    expect(closeOpenBlocks("<!--\n```\n-->")).toBe("<!--\n```\n-->");
  });
});
