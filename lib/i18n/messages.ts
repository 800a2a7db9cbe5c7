// Message catalogs, one JSON file per namespace and language, merged here so features add their own file.
import enAuth from "./messages/en/auth.json";
import enCommon from "./messages/en/common.json";
import enDecisions from "./messages/en/decisions.json";
import enResults from "./messages/en/results.json";
import zhAuth from "./messages/zh-CN/auth.json";
import zhCommon from "./messages/zh-CN/common.json";
import zhDecisions from "./messages/zh-CN/decisions.json";
import zhResults from "./messages/zh-CN/results.json";
import enReport from "./messages/en/report.json";
import zhReport from "./messages/zh-CN/report.json";
import enScores from "./messages/en/scores.json";
import zhScores from "./messages/zh-CN/scores.json";
import enAhp from "./messages/en/ahp.json";
import zhAhp from "./messages/zh-CN/ahp.json";
import enSetup from "./messages/en/setup.json";
import zhSetup from "./messages/zh-CN/setup.json";
import enTeams from "./messages/en/teams.json";
import zhTeams from "./messages/zh-CN/teams.json";
import enFacts from "./messages/en/facts.json";
import zhFacts from "./messages/zh-CN/facts.json";
import enApi from "./messages/en/api.json";
import zhApi from "./messages/zh-CN/api.json";
import enMatrix from "./messages/en/matrix.json";
import zhMatrix from "./messages/zh-CN/matrix.json";
import type { Locale } from "./config";

export const MESSAGES = {
  en: {
    common: enCommon,
    decisions: enDecisions,
    auth: enAuth,
    report: enReport,
    results: enResults,
    scores: enScores,
    ahp: enAhp,
    setup: enSetup,
    teams: enTeams,
    facts: enFacts,
    api: enApi,
    matrix: enMatrix,
  },
  "zh-CN": {
    common: zhCommon,
    decisions: zhDecisions,
    auth: zhAuth,
    report: zhReport,
    results: zhResults,
    scores: zhScores,
    ahp: zhAhp,
    setup: zhSetup,
    teams: zhTeams,
    facts: zhFacts,
    api: zhApi,
    matrix: zhMatrix,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)["en"];
