"use client";
// The criteria wizard for a criteria tree: each sibling set (the top level, each group's sub-criteria) is its own
// pairwise set, asked and applied on its own. A flat list is one set and shows the wizard exactly as before.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { buildTree } from "@/lib/scoring";
import type { AhpView } from "@/lib/server/judgments";
import { AhpWizard } from "./ahp-wizard";

export function AhpTree({ view }: { view: AhpView }) {
  const t = useTranslations("ahp.tree");
  const selectId = useId();
  const tree = buildTree(view.criteria);
  // Sets with something to compare; a group with one sub-criterion gives it the whole group's weight.
  const sets = tree.sets.filter((s) => s.members.length > 1 || s.parentId === null);
  const [chosen, setChosen] = useState<string>("");
  if (tree.flat) return <AhpWizard view={view} />;

  const set = sets.find((s) => (s.parentId ?? "") === chosen) ?? sets[0];
  const members = set.members.map((i) => view.criteria[i]);
  const ids = new Set(members.map((c) => c.id));
  const judgments = view.judgments.filter((j) => ids.has(j.criterionAId) && ids.has(j.criterionBId));
  const answered = new Map<string, number>();
  for (const j of judgments) answered.set(j.evaluatorId, (answered.get(j.evaluatorId) ?? 0) + 1);
  const sub: AhpView = {
    ...view,
    criteria: members,
    judgments,
    evaluators: view.evaluators.filter((e) => answered.has(e.id)).map((e) => ({ ...e, answered: answered.get(e.id)! })),
  };
  const label = (parentId: string | null) =>
    parentId === null ? t("top") : t("group", { group: view.criteria.find((c) => c.id === parentId)?.name ?? "" });

  return (
    <>
      <div className="ahp-tree-pick" data-testid="ahp-tree">
        <label htmlFor={selectId}>{t("label")}</label>
        <select id={selectId} value={set.parentId ?? ""} onChange={(e) => setChosen(e.target.value)}>
          {sets.map((s) => (
            <option key={s.parentId ?? ""} value={s.parentId ?? ""}>
              {label(s.parentId)}
            </option>
          ))}
        </select>
        <p className="hint">{t("hint")}</p>
      </div>
      <AhpWizard key={set.parentId ?? ""} view={sub} />
    </>
  );
}
