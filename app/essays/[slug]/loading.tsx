import { EssaySkeleton } from "@/components/reading/essay-skeleton";

export default function Loading() {
  return <EssaySkeleton />;
}
