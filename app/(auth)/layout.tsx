export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex w-full max-w-md flex-col px-4 py-12 sm:py-16">
      <div className="rounded-xl border border-line bg-card px-6 py-8 shadow-sm sm:px-8">{children}</div>
    </main>
  );
}
