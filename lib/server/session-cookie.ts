import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/lib/auth/policy";

/**
 * HttpOnly (no script can read the token), SameSite=Lax (not sent on cross-site POSTs; server actions also check the
 * Origin header), Secure whenever the client reached us over HTTPS. The cookie expires with the session's absolute
 * lifetime; the idle timeout is enforced on the server.
 */
export async function setSessionCookie(token: string, expiresAt: Date, secure: boolean): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

export async function readSessionCookie(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}
