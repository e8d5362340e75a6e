"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function EssayError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorPanel
      {...props}
      title="This essay could not be opened"
      message="Something went wrong while loading it. Your notes are safe; try again in a moment."
      back={{ href: "/", label: "Back to the library" }}
    />
  );
}
