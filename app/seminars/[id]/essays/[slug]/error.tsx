"use client";

import { useParams } from "next/navigation";
import { ErrorPanel } from "@/components/ui/error-panel";

export default function SeminarEssayError(props: { error: Error & { digest?: string }; reset: () => void }) {
  const { id } = useParams<{ id: string }>();
  return (
    <ErrorPanel
      {...props}
      title="This essay could not be opened"
      message="Something went wrong while loading it. The seminar’s notes are safe; try again in a moment."
      back={{ href: `/seminars/${id}`, label: "Back to the seminar" }}
    />
  );
}
