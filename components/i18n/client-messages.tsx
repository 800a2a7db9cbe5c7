import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { clientMessages } from "@/lib/i18n/client-messages";

/**
 * Sends the browser the message namespaces of the client components rendered inside it, and no others. It replaces
 * (does not add to) the messages of a provider above it, so each list names everything its subtree reads; the list
 * must be an array of string literals, which lib/i18n/client-messages.test.ts checks against the code.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
  return <NextIntlClientProvider messages={clientMessages(locale, namespaces)}>{children}</NextIntlClientProvider>;
}
