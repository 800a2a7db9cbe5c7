"use client";
// A team's members: add, rename or link to a workspace account, reorder, remove. Every change names the version it read.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { addMemberAction, moveMemberAction, removeMemberAction, updateMemberAction } from "@/lib/actions/teams";
import type { TeamMemberView } from "@/lib/server/teams";
import { addMemberSchema, fieldErrorsOf, updateMemberSchema, type FieldErrors } from "@/lib/validation/team";
import { ConflictNotice } from "./conflict-notice";
import { SaveStatus, useSaveTracker, useTeamErrorText, type SaveState } from "./save-status";

type User = { id: string; name: string; email: string };
type Track = ReturnType<typeof useSaveTracker>["track"];

function UserSelect({
  id,
  users,
  value,
  onChange,
}: {
  id: string;
  users: User[];
  value: string;
  onChange: (v: string) => void;
}) {
  const t = useTranslations("teams.fields");
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("noUser")}</option>
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name} ({u.email})
        </option>
      ))}
    </select>
  );
}

function MemberRow(props: {
  member: TeamMemberView;
  users: User[];
  ratingCount: number;
  first: boolean;
  last: boolean;
  track: Track;
}) {
  const { member, track } = props;
  const t = useTranslations("teams");
  const errorText = useTeamErrorText();
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState(member.name);
  const [userId, setUserId] = useState(member.userId ?? "");
  const [version, setVersion] = useState(member.version);
  const [error, setError] = useState<string | undefined>();
  const [conflict, setConflict] = useState<{ name: string; userId: string | null; version: number } | null>(null);
  const userName = (uid: string | null) => props.users.find((u) => u.id === uid)?.name;
  const describe = (n: string, uid: string | null) =>
    uid ? `${n} (${t("members.linked", { user: userName(uid) ?? uid })})` : n;

  async function save(expected: number) {
    const parsed = updateMemberSchema.safeParse({ memberId: member.id, version: expected, name, userId });
    if (!parsed.success) return setError(fieldErrorsOf(parsed.error).name);
    setError(undefined);
    const r = await track(() => updateMemberAction(parsed.data));
    if (r.ok) {
      setVersion(r.data!.version);
      setConflict(null);
      router.refresh();
    } else if (r.error === "stale" && r.current)
      setConflict(r.current as { name: string; userId: string | null; version: number });
    else setError(r.fieldErrors?.name ?? undefined);
  }
  async function move(direction: "up" | "down") {
    const r = await track(() => moveMemberAction({ memberId: member.id, version, direction }));
    if (r.ok) router.refresh();
  }
  async function remove() {
    if (!window.confirm(t("members.removeConfirm", { name: member.name, count: props.ratingCount }))) return;
    const r = await track(() => removeMemberAction({ memberId: member.id, version }));
    if (r.ok) router.refresh();
  }

  return (
    <li className="member-row" data-testid="member-row">
      <form
        className="inline-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save(version);
        }}
        noValidate
      >
        <label htmlFor={`${id}-name`} className="visually-hidden">
          {t("fields.memberName")}
        </label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={`${id}-user`} className="visually-hidden">
          {t("fields.linkedUser")}
        </label>
        <UserSelect id={`${id}-user`} users={props.users} value={userId} onChange={setUserId} />
        <button type="submit" className="button-secondary" aria-label={t("members.rename", { name: member.name })}>
          {t("members.save")}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void move("up")}
          disabled={props.first}
          aria-label={t("members.moveUp", { name: member.name })}
        >
          ↑
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void move("down")}
          disabled={props.last}
          aria-label={t("members.moveDown", { name: member.name })}
        >
          ↓
        </button>
        <button type="button" className="button-danger" onClick={() => void remove()}>
          {t("members.remove", { name: member.name })}
        </button>
      </form>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {errorText(error)}
        </p>
      )}
      {conflict && (
        <ConflictNotice
          what={member.name}
          theirs={describe(conflict.name, conflict.userId)}
          yours={describe(name, userId || null)}
          onKeepTheirs={() => {
            setName(conflict.name);
            setUserId(conflict.userId ?? "");
            setVersion(conflict.version);
            setConflict(null);
          }}
          onUseMine={() => void save(conflict.version)}
        />
      )}
    </li>
  );
}

export function MembersPanel(props: {
  teamId: string;
  members: TeamMemberView[];
  users: User[];
  ratingCounts: Record<string, number>;
  canEdit: boolean;
}) {
  const t = useTranslations("teams");
  const errorText = useTeamErrorText();
  const router = useRouter();
  const id = useId();
  const { state, track } = useSaveTracker();
  const [name, setName] = useState("");
  const [userId, setUserId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  async function add(e: FormEvent) {
    e.preventDefault();
    const parsed = addMemberSchema.safeParse({ teamId: props.teamId, name, userId });
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    const r = await track(() => addMemberAction({ teamId: props.teamId, name, userId }));
    if (r.ok) {
      setName("");
      setUserId("");
      router.refresh();
    } else if (r.fieldErrors) setErrors(r.fieldErrors);
  }

  return (
    <section aria-labelledby={`${id}-title`} className="members-panel">
      <h2 id={`${id}-title`}>{t("members.title")}</h2>
      {props.members.length === 0 && <p className="empty-state">{t("members.empty")}</p>}
      {props.canEdit ? (
        <>
          <ol className="member-list">
            {props.members.map((m, i) => (
              <MemberRow
                key={`${m.id}:${m.version}`}
                member={m}
                users={props.users}
                ratingCount={props.ratingCounts[m.id] ?? 0}
                first={i === 0}
                last={i === props.members.length - 1}
                track={track}
              />
            ))}
          </ol>
          <form onSubmit={add} className="inline-form add-member" noValidate>
            <div className="field">
              <label htmlFor={`${id}-new-name`}>{t("fields.memberName")}</label>
              <input
                id={`${id}-new-name`}
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={errors.name ? `${id}-new-error` : undefined}
              />
              {errors.name && (
                <p id={`${id}-new-error`} className="field-error">
                  {errorText(errors.name)}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${id}-new-user`}>{t("fields.linkedUser")}</label>
              <UserSelect id={`${id}-new-user`} users={props.users} value={userId} onChange={setUserId} />
            </div>
            <button type="submit" className="button-primary">
              {t("members.add")}
            </button>
          </form>
          <SaveStatus state={state as SaveState} />
        </>
      ) : (
        <ol className="member-list">
          {props.members.map((m) => (
            <li key={m.id}>
              {m.name}
              {m.userName ? <span className="sub"> {t("members.linked", { user: m.userName })}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
