import type { HighlightColor } from "../doc/layout";

// Literal class names (not built from the colour) so Tailwind finds them when it scans the source.
export const HIGHLIGHT_STYLES: Record<HighlightColor, { label: string; className: string }> = {
  yellow: { label: "Yellow", className: "bg-hl-yellow" },
  green: { label: "Green", className: "bg-hl-green" },
  blue: { label: "Blue", className: "bg-hl-blue" },
  pink: { label: "Pink", className: "bg-hl-pink" },
  violet: { label: "Violet", className: "bg-hl-violet" },
};
