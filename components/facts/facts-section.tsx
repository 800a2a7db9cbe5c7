"use client";
// The facts editor with the snapshot import below it. The editor keeps its rows in local state (autosave, drafts,
// conflicts), so after an import it is re-mounted from the freshly revalidated facts instead of showing old values.
import { useState } from "react";
import type { CandidateDto, CriterionDto, FactDto } from "@/lib/decisions/dto";
import { FactsEditor } from "./facts-editor";
import { SnapshotImport } from "./snapshot-import";

export function FactsSection(props: {
  decisionId: string;
  criteria: CriterionDto[];
  candidates: CandidateDto[];
  facts: FactDto[];
  canEdit: boolean;
  locked: boolean;
}) {
  const [imports, setImports] = useState(0);
  return (
    <>
      <FactsEditor key={imports} {...props} />
      {props.canEdit ? (
        <SnapshotImport decisionId={props.decisionId} onImported={() => setImports((n) => n + 1)} />
      ) : null}
    </>
  );
}
