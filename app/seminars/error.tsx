"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function SeminarsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorPanel
      {...props}
      title="This seminar page could not be loaded"
      message="Something went wrong on our side. Try again in a moment."
      back={{ href: "/seminars", label: "Your seminars" }}
    />
  );
}
