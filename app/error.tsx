"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel {...props} title="This page could not be loaded" message="Something went wrong on our side. Try again; if it keeps happening, tell your instructor." />;
}
