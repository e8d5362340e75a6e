import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client.server";
import { clientAddress } from "../http/client-address.server";
import { SignInSchema } from "../users/credentials";
import { lockoutError } from "../users/sign-in-lockout";
import { signInWithPassword } from "../users/sign-in-with-password.server";
import { endSessions } from "./end-sessions.server";

export const authOptions: NextAuthOptions = {
  // Credentials sign-in requires JWT sessions in next-auth; the websocket server decodes the same cookie.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = SignInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await signInWithPassword(getDb(), { ...parsed.data, address: await clientAddress() });
        // next-auth hands a thrown error's message to the form as the sign-in's error: the only way to say
        // "locked out, and for how long" rather than "wrong password".
        if (!result.ok && result.locked) throw new Error(lockoutError(result.retryAfterMs));
        return result.ok ? result.user : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sessionVersion ?? 0;
      return session;
    },
  },
  events: {
    // Signing out ends this user's sessions everywhere, websockets included (end-sessions.server.ts).
    async signOut({ token }) {
      if (token?.sub) await endSessions(getDb(), { userId: token.sub, sessionVersion: token.sessionVersion ?? 0 });
    },
  },
};
