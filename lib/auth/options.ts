import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { RateLimitedError } from "@/lib/errors";
import { clientAddress } from "./client-address";
import { sameOriginTarget } from "./redirect";
import { endSessions } from "./mutations";
import { authenticate } from "./sign-in";

const SESSION_MAX_AGE_S = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await authenticate(credentials, clientAddress(req?.headers));
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion } : null;
        } catch (error) {
          if (error instanceof RateLimitedError) throw new Error("RateLimited");
          throw error;
        }
      },
    }),
  ],
  events: {
    // JWT sessions live in the cookie: signing out moves the user's session version on, so the
    // server refuses that cookie (and the user's other sessions) even if a copy of it survives.
    async signOut({ token }) {
      const claims = token as { uid?: unknown; sv?: unknown } | null;
      if (typeof claims?.uid === "string" && typeof claims.sv === "number") await endSessions(claims.uid, claims.sv);
    },
  },
  callbacks: {
    redirect({ url, baseUrl }) {
      return sameOriginTarget(url, baseUrl) ?? baseUrl;
    },
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as { id: string; sv?: number };
        token.uid = signedIn.id;
        token.sv = signedIn.sv;
      }
      return token;
    },
    session({ session, token }) {
      // The role is read from the database on every request (lib/auth/session.ts), never trusted from the cookie.
      return { ...session, uid: token.uid, sv: token.sv } as typeof session;
    },
  },
};
