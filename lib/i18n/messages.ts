// Message catalogs, one JSON file per namespace and language, merged here so features add their own file.
import enAuth from "./messages/en/auth.json";
import enCommon from "./messages/en/common.json";
import enDecisions from "./messages/en/decisions.json";
import zhAuth from "./messages/zh-CN/auth.json";
import zhCommon from "./messages/zh-CN/common.json";
import zhDecisions from "./messages/zh-CN/decisions.json";
import type { Locale } from "./config";

export const MESSAGES = {
  en: { common: enCommon, decisions: enDecisions, auth: enAuth },
  "zh-CN": { common: zhCommon, decisions: zhDecisions, auth: zhAuth },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)["en"];
