import Link from "next/link";
import type { HeatMap as HeatMapData, HeatParagraph } from "@/lib/assignments/get-heat-map.server";

// Classes, not inline styles: the page's Content-Security-Policy refuses style attributes in server-rendered HTML.
const LEVELS = ["bg-card", "bg-accent/15", "bg-accent/30", "bg-accent/50", "bg-accent/70", "bg-accent/90"] as const;

/** How strongly a paragraph is tinted: by square root, so one note shows clearly beside a paragraph with twenty. */
function level(activity: number, max: number): number {
  if (activity <= 0 || max <= 0) return 0;
  return 1 + Math.min(LEVELS.length - 2, Math.floor((LEVELS.length - 1) * Math.sqrt(activity / max) - 1e-9));
}

function describe(p: HeatParagraph, index: number): string {
  const counts = [`${p.notes} ${p.notes === 1 ? "note" : "notes"}`, `${p.comments} ${p.comments === 1 ? "comment" : "comments"}`].join(", ");
  return `Paragraph ${index + 1}: ${counts}`;
}

/**
 * The essay in miniature, each paragraph a block as long as its text, tinted by how much the assignment's
 * students wrote on it; the passage is marked with a bar in the margin. Each block opens the paragraph in the
 * reader. A picture first, with every figure also in its label for screen readers and on hover.
 */
export function HeatMap({ heatMap, passageParagraphIds, readHref }: { heatMap: HeatMapData; passageParagraphIds: string[]; readHref: string }) {
  const inPassage = new Set(passageParagraphIds);
  const busiest = heatMap.max > 0 ? heatMap.paragraphs.map((p, i) => ({ p, i })).sort((a, b) => b.p.notes + b.p.comments - (a.p.notes + a.p.comments) || a.i - b.i)[0] : null;
  return (
    <div>
      <div role="group" aria-label="Heat map of the essay: paragraphs shaded by activity" data-heat-map className="flex flex-col gap-1 rounded-lg border border-line bg-card px-4 py-4">
        {heatMap.paragraphs.map((p, index) => {
          const activity = p.notes + p.comments;
          const heading = p.kind === "heading";
          const lines = heading ? 1 : Math.min(8, Math.max(1, Math.round(p.length / 170)));
          const shade = level(activity, heatMap.max);
          const strong = shade >= 3;
          return (
            <Link
              key={p.id}
              href={`${readHref}#p-${p.id}`}
              data-heat-paragraph={p.id}
              data-activity={activity}
              aria-label={`${describe(p, index)}${inPassage.has(p.id) ? " (in the passage)" : ""}`}
              title={`${describe(p, index)}\n${p.opening}`}
              className={`relative flex flex-col gap-[3px] rounded-sm px-2 py-1.5 outline-offset-1 ring-inset transition-[box-shadow] hover:ring-2 hover:ring-accent/60 ${LEVELS[shade]} ${heading ? "mt-1.5" : ""}`}
            >
              {inPassage.has(p.id) ? <span aria-hidden="true" className="absolute -left-3 top-0 h-full w-1 rounded-full bg-accent-strong" /> : null}
              {Array.from({ length: lines }, (_, line) => (
                <span
                  key={line}
                  aria-hidden="true"
                  className={`block h-[3px] rounded-full ${strong ? "bg-white/70" : "bg-ink/20"} ${heading ? "h-[5px] w-2/5" : line === lines - 1 && lines > 1 ? "w-3/5" : "w-full"}`}
                />
              ))}
            </Link>
          );
        })}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-muted">
        <span className="inline-flex items-center gap-1.5">
          Less
          <span aria-hidden="true" className="flex overflow-hidden rounded-sm ring-1 ring-line">
            {LEVELS.map((shade) => (
              <span key={shade} className={`block size-3 ${shade}`} />
            ))}
          </span>
          More
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="block h-3 w-1 rounded-full bg-accent-strong" /> The passage
        </span>
      </div>
      <p className="mt-2 text-sm text-muted">
        {busiest ? `Busiest: paragraph ${busiest.i + 1}, ${describe(busiest.p, busiest.i).split(": ")[1]}.` : "Nobody given this assignment has written on the essay yet."}
      </p>
    </div>
  );
}
