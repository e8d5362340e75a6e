import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Migrations run on Prisma's bundled WebAssembly schema engine through the pg driver adapter, so no native
// engine has to be downloaded (see README). DATABASE_URL is set by scripts/prisma.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "", allowExitOnIdle: true });
  },
});
