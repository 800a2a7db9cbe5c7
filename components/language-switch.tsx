"use client";
import { useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/lib/actions/locale";
import { LOCALES, type Locale } from "@/lib/i18n/config";

const NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

/** `label` comes translated from the server layout, so no message namespace has to travel to every page for it. */
export function LanguageSwitch({ label }: { label: string }) {
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{label}</span>
      <select
        value={locale}
        aria-label={label}
        disabled={pending}
        onChange={(e) => {
          const next = LOCALES.find((l) => l === e.target.value);
          if (!next) return;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
