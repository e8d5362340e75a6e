// Essays seeded into a fresh database. `file` is relative to this folder: the
// texts are vendored here so the app never depends on an outside path.
export const seedEssays: Array<{ slug: string; file: string; author: string; source: string }> = [
  {
    slug: "the-taliban-against-russia",
    file: "the-taliban-against-russia.txt",
    // The text carries no byline, only his bio paragraph at the end.
    author: "Nicolas Tenzer",
    source: "Desk Russie",
  },
];
