import { EssaySkeleton } from "@/components/reading/essay-skeleton";

// The seminar's name and term sit above the title on this page.
export default function Loading() {
  return <EssaySkeleton withContext />;
}
