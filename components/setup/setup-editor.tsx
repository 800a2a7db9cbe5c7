"use client";
// The setup tab for people who may edit: header, criteria and candidates share one save indicator.
import type { SetupData } from "@/lib/server/decisions";
import { CandidatesEditor } from "./candidates-editor";
import { CriteriaEditor } from "./criteria-editor";
import { SaveStatus } from "./field-controls";
import { HeaderEditor } from "./header-editor";
import { useAutosave } from "./use-autosave";

export function SetupEditor({ data }: { data: SetupData }) {
  const autosave = useAutosave();
  return (
    <div className="setup-editor" data-testid="setup-editor">
      <div className="save-bar">
        <SaveStatus state={autosave.state} />
      </div>
      <HeaderEditor decision={data.decision} teams={data.teams} autosave={autosave} />
      <CriteriaEditor
        decisionId={data.decision.id}
        criteria={data.criteria}
        autosave={autosave}
        facts={data.facts.map((x) => ({
          criterionId: x.criterionId,
          name: data.candidates.find((c) => c.id === x.candidateId)?.name ?? "",
          value: x.value,
        }))}
      />
      <CandidatesEditor decisionId={data.decision.id} candidates={data.candidates} autosave={autosave} />
    </div>
  );
}
