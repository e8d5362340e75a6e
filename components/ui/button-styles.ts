/** The app's button looks, shared by links and buttons so a "button" reads the same whatever the element. */
export const primaryButton =
  "inline-flex items-center justify-center rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong disabled:cursor-wait disabled:opacity-70";
export const secondaryButton =
  "inline-flex items-center justify-center rounded-md border border-line bg-card px-3 py-1.5 font-medium text-ink hover:bg-paper disabled:cursor-wait disabled:opacity-60";
export const dangerButton =
  "inline-flex items-center justify-center rounded-md border border-danger/40 bg-card px-3 py-1.5 font-medium text-danger hover:bg-danger/5 disabled:cursor-wait disabled:opacity-60";
