import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options.server";

// next-auth v4 answers both methods with one handler; it awaits Next 16's async route params itself.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
