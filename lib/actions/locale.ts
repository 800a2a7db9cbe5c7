"use server";
// Every export of a "use server" file is a public endpoint: this one only sets the visitor's language cookie.
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";
import { defineAction } from "@/lib/server/define-action";

export const setLocale = defineAction(
  z.enum(LOCALES),
  async (_, locale) => {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
      sameSite: "lax",
      httpOnly: false,
    });
  },
  { auth: "public" },
);
