"use client";
// The team lead's workbench: rating grid + team vector, saving as you go. The browser keeps the confirmed versions per
// cell; every write names the version it read (null = "I saw no rating"), writes to one cell are queued so a quick
// second edit never conflicts with the first, and a conflict shows their value and yours.
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import {
  clearOverrideAction,
  clearRatingAction,
  pasteRatingsAction,
  setOverrideAction,
  setRatingAction,
} from "@/lib/actions/ratings";
import { teamVector } from "@/lib/scoring";
import type { TeamAggregation } from "@/lib/scoring/types";
import type { OverrideView, RatingView } from "@/lib/server/teams";
import { parseClipboardGrid, parseLevel } from "@/lib/validation/rating";
import { ConflictNotice } from "./conflict-notice";
import { cellKey, RatingGrid, type GridMember, type GridSkill } from "./rating-grid";
import { SaveStatus, useSaveTracker, useTeamErrorText } from "./save-status";
import { TeamVector, type OverrideState } from "./team-vector";

type Cell = { level: number; version: number };
type Conflict =
  | { kind: "rating"; memberId: string; skillId: string; theirs: Cell | null; mine: number | null }
  | { kind: "override"; skillId: string; theirs: OverrideState | null; mine: { level: number; reason: string } | null };

export function TeamRatings(props: {
  teamId: string;
  teamName: string;
  aggregation: TeamAggregation;
  members: GridMember[];
  skills: GridSkill[];
  ratings: RatingView[];
  overrides: OverrideView[];
  canEdit: boolean;
}) {
  const t = useTranslations("teams");
  const format = useFormatter();
  const errorText = useTeamErrorText();
  const { state, track, setState } = useSaveTracker();
  const initialCells = () =>
    Object.fromEntries(
      props.ratings.map((r) => [cellKey(r.memberId, r.skillId), { level: r.level, version: r.version }]),
    );
  /** What the server last confirmed: the versions writes name. */
  const confirmed = useRef<Record<string, Cell | undefined>>(initialCells());
  /** What the grid shows (optimistic). */
  const [cells, setCells] = useState<Record<string, Cell | undefined>>(initialCells);
  const [overrides, setOverrides] = useState<Record<string, OverrideState | undefined>>(() =>
    Object.fromEntries(props.overrides.map((o) => [o.skillId, o])),
  );
  const [invalid, setInvalid] = useState<Record<string, string | undefined>>({});
  const [invalidList, setInvalidList] = useState<string[]>([]);
  const [notice, setNotice] = useState<string>("");
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const queues = useRef(new Map<string, Promise<unknown>>());

  const memberName = (id: string) => props.members.find((m) => m.id === id)?.name ?? "";
  const skillName = (id: string) => props.skills.find((s) => s.id === id)?.name ?? "";
  const levels = useMemo(() => Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c?.level])), [cells]);

  const vector = useMemo(() => {
    const ratings = Object.entries(cells).flatMap(([k, c]) => {
      if (!c) return [];
      const [memberId, skillId] = k.split(":");
      return [{ memberId, skillId, level: c.level }];
    });
    const ov = Object.entries(overrides).flatMap(([skillId, o]) =>
      o ? [{ skillId, level: o.level, reason: o.reason }] : [],
    );
    return teamVector({ members: props.members, ratings, overrides: ov }, props.skills, props.aggregation);
  }, [cells, overrides, props.members, props.skills, props.aggregation]);

  const showCell = (key: string, cell: Cell | undefined) => setCells((prev) => ({ ...prev, [key]: cell }));

  /** Queues one write per cell: it reads the confirmed version only when its turn comes. */
  function enqueue(key: string, write: () => Promise<void>) {
    const next = (queues.current.get(key) ?? Promise.resolve()).then(write, write);
    queues.current.set(key, next);
  }

  function saveCell(memberId: string, skillId: string, level: number | null) {
    const key = cellKey(memberId, skillId);
    setInvalid((prev) => ({ ...prev, [key]: undefined }));
    showCell(key, level === null ? undefined : { level, version: cells[key]?.version ?? 0 });
    enqueue(key, async () => {
      const before = confirmed.current[key];
      if (level === null && !before) return;
      const result =
        level === null
          ? await track(() => clearRatingAction({ memberId, skillId, version: before!.version }))
          : await track(() => setRatingAction({ memberId, skillId, level, version: before?.version ?? null }));
      if (result.ok) {
        const now = level === null ? undefined : (result.data as Cell);
        confirmed.current[key] = now;
        showCell(key, now);
      } else if (result.error === "stale") {
        const theirs = (result.current as Cell | null) ?? null;
        confirmed.current[key] = theirs ?? undefined;
        showCell(key, theirs ?? undefined);
        setConflict({ kind: "rating", memberId, skillId, theirs, mine: level });
      } else {
        showCell(key, before);
      }
    });
  }

  async function paste(row: number, col: number, text: string) {
    setNotice("");
    setInvalid({});
    setInvalidList([]);
    const block = parseClipboardGrid(text);
    const width = Math.max(...block.map((r) => r.length));
    if (row + block.length > props.members.length || col + width > props.skills.length) {
      setNotice(t("grid.pasteOutOfBounds", { rows: block.length, cols: width }));
      return;
    }
    const targets = block.flatMap((r, i) =>
      r.map((value, j) => ({ memberId: props.members[row + i].id, skillId: props.skills[col + j].id, text: value })),
    );
    // Validate everything first, in the browser with the same schema the server uses: one bad value writes nothing.
    const bad = targets.flatMap((c) => {
      if (c.text.trim() === "") return [];
      const r = parseLevel(c.text);
      return r.ok ? [] : [{ ...c, error: r.error }];
    });
    if (bad.length > 0) return showInvalid(bad);
    const result = await track(() =>
      pasteRatingsAction({
        teamId: props.teamId,
        cells: targets.map((c) => ({
          ...c,
          version: confirmed.current[cellKey(c.memberId, c.skillId)]?.version ?? null,
        })),
      }),
    );
    if (result.ok) {
      const written = result.data as (Cell & { memberId: string; skillId: string })[];
      const next: Record<string, Cell> = {};
      for (const c of written) next[cellKey(c.memberId, c.skillId)] = { level: c.level, version: c.version };
      Object.assign(confirmed.current, next);
      setCells((prev) => ({ ...prev, ...next }));
      setNotice(t("grid.pasted", { count: written.length }));
    } else if (result.error === "pasteInvalid" && Array.isArray(result.details)) {
      const cells = result.details as { memberId: string; skillId: string; error: string }[];
      showInvalid(
        cells.map((c) => ({
          ...c,
          text: targets.find((x) => x.memberId === c.memberId && x.skillId === c.skillId)?.text ?? "",
        })),
      );
    } else if (result.error === "stale" && Array.isArray(result.current)) {
      const stale = result.current as { memberId: string; skillId: string; current: Cell | null }[];
      const next: Record<string, Cell | undefined> = {};
      for (const c of stale) next[cellKey(c.memberId, c.skillId)] = c.current ?? undefined;
      Object.assign(confirmed.current, next);
      setCells((prev) => ({ ...prev, ...next }));
      setNotice(t("grid.pasteStale", { count: stale.length }));
    }
  }

  function showInvalid(bad: { memberId: string; skillId: string; text: string; error: string }[]) {
    setInvalid(Object.fromEntries(bad.map((c) => [cellKey(c.memberId, c.skillId), c.error])));
    setInvalidList(
      bad.map((c) =>
        t("grid.invalidCell", {
          member: memberName(c.memberId),
          skill: skillName(c.skillId),
          value: c.text,
          error: errorText(c.error),
        }),
      ),
    );
    setNotice(t("grid.pasteInvalid", { count: bad.length }));
    setState({ status: "failed", reason: "invalidInput" });
  }

  function saveOverride(skillId: string, value: { level: number; reason: string } | null) {
    enqueue(`override:${skillId}`, async () => {
      const before = overrides[skillId];
      const result = value
        ? await track(() =>
            setOverrideAction({ teamId: props.teamId, skillId, ...value, version: before?.version ?? null }),
          )
        : before
          ? await track(() => clearOverrideAction({ teamId: props.teamId, skillId, version: before.version }))
          : null;
      if (!result) return;
      if (result.ok)
        setOverrides((prev) => ({ ...prev, [skillId]: value ? (result.data as OverrideState) : undefined }));
      else if (result.error === "stale") {
        const theirs = (result.current as OverrideState | null) ?? null;
        setOverrides((prev) => ({ ...prev, [skillId]: theirs ?? undefined }));
        setConflict({ kind: "override", skillId, theirs, mine: value });
      }
    });
  }

  const num = (v: number) => format.number(v, { maximumFractionDigits: 2 });
  let conflictView = null;
  if (conflict?.kind === "rating") {
    const c = conflict;
    conflictView = (
      <ConflictNotice
        what={`${memberName(c.memberId)} · ${skillName(c.skillId)}`}
        theirs={c.theirs ? num(c.theirs.level) : t("conflict.empty")}
        yours={c.mine === null ? t("conflict.empty") : num(c.mine)}
        onKeepTheirs={() => setConflict(null)}
        onUseMine={() => {
          setConflict(null);
          saveCell(c.memberId, c.skillId, c.mine);
        }}
      />
    );
  } else if (conflict?.kind === "override") {
    const c = conflict;
    const show = (o: { level: number; reason: string } | null) =>
      o ? `${num(o.level)} (${o.reason})` : t("conflict.removed");
    conflictView = (
      <ConflictNotice
        what={`${t("vector.override")} · ${skillName(c.skillId)}`}
        theirs={show(c.theirs)}
        yours={show(c.mine)}
        onKeepTheirs={() => setConflict(null)}
        onUseMine={() => {
          setConflict(null);
          saveOverride(c.skillId, c.mine);
        }}
      />
    );
  }

  return (
    <>
      <section aria-labelledby="rating-grid-title" className="team-ratings">
        <h2 id="rating-grid-title">{t("grid.title")}</h2>
        {props.skills.length === 0 ? (
          <p className="empty-state">{t("grid.noSkills")}</p>
        ) : props.members.length === 0 ? (
          <p className="empty-state">{t("grid.noMembers")}</p>
        ) : (
          <>
            <p className="hint" id="rating-grid-help">
              {props.canEdit ? t("grid.help") : t("grid.readOnly")}
            </p>
            {props.canEdit && <SaveStatus state={state} />}
            {conflictView}
            <RatingGrid
              label={t("grid.label", { team: props.teamName })}
              members={props.members}
              skills={props.skills}
              levels={levels}
              invalid={invalid}
              canEdit={props.canEdit}
              onCommit={(m, s, level) => saveCell(m, s, level)}
              onClear={(m, s) => saveCell(m, s, null)}
              onPaste={(r, c, text) => void paste(r, c, text)}
            />
            <div role="status" aria-live="polite" className="grid-notice" data-testid="grid-notice">
              {notice && <p className={invalidList.length > 0 ? "field-error" : undefined}>{notice}</p>}
              {invalidList.length > 0 && (
                <ul className="invalid-list">
                  {invalidList.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </div>
          </>
        )}
      </section>
      <TeamVector
        teamId={props.teamId}
        skills={props.skills}
        vector={vector}
        aggregation={props.aggregation}
        overrides={overrides}
        canEdit={props.canEdit}
        onSetOverride={(skillId, level, reason) => saveOverride(skillId, { level, reason })}
        onClearOverride={(skillId) => saveOverride(skillId, null)}
      />
    </>
  );
}
