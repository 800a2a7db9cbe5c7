"use client";
// The workspace's skill catalog: add, edit in place, remove with a confirmation that says what goes with the skill.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ConflictNotice } from "@/components/teams/conflict-notice";
import { SaveStatus, useSaveTracker, useTeamErrorText } from "@/components/teams/save-status";
import { createSkillAction, deleteSkillAction, updateSkillAction } from "@/lib/actions/skills";
import type { SkillView } from "@/lib/server/skills";
import { createSkillSchema } from "@/lib/validation/skill";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/team";

type Fields = { name: string; category: string; description: string };
type Track = ReturnType<typeof useSaveTracker>["track"];

function SkillFields({
  values,
  onChange,
  errors,
}: {
  values: Fields;
  onChange: (v: Fields) => void;
  errors: FieldErrors;
}) {
  const t = useTranslations("teams.fields");
  const errorText = useTeamErrorText();
  const id = useId();
  const one = (name: keyof Fields, label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        value={values[name]}
        onChange={(e) => onChange({ ...values, [name]: e.target.value })}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
      />
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="field-error">
          {errorText(errors[name])}
        </p>
      )}
    </div>
  );
  return (
    <>
      {one("name", t("name"))}
      {one("category", t("category"))}
      {one("description", t("description"))}
    </>
  );
}

function SkillRow({ skill, canEdit, track }: { skill: SkillView; canEdit: boolean; track: Track }) {
  const t = useTranslations("teams.skills");
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Fields>({
    name: skill.name,
    category: skill.category,
    description: skill.description,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<(Fields & { version: number }) | null>(null);
  const show = (v: Fields) => [v.name, v.category, v.description].filter(Boolean).join(" · ");

  async function save(version: number) {
    const parsed = createSkillSchema.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    const r = await track(() => updateSkillAction({ ...parsed.data, skillId: skill.id, version }));
    if (r.ok) {
      setEditing(false);
      setConflict(null);
      router.refresh();
    } else if (r.error === "stale" && r.current) setConflict(r.current as Fields & { version: number });
    else if (r.fieldErrors) setErrors(r.fieldErrors);
  }
  async function remove() {
    const message = t("removeConfirm", {
      name: skill.name,
      ratings: skill.ratingCount,
      requirements: skill.requirementCount,
      overrides: skill.overrideCount,
    });
    if (!window.confirm(message)) return;
    const r = await track(() => deleteSkillAction({ skillId: skill.id, version: skill.version }));
    if (r.ok || r.error === "notFound") router.refresh();
  }

  return (
    <tr data-skill={skill.name}>
      {editing ? (
        <td colSpan={4}>
          <form
            className="inline-form"
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void save(skill.version);
            }}
          >
            <SkillFields values={values} onChange={setValues} errors={errors} />
            <button type="submit" className="button-primary">
              {t("save")}
            </button>
            <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
              {t("cancel")}
            </button>
          </form>
          {conflict && (
            <ConflictNotice
              what={skill.name}
              theirs={show(conflict)}
              yours={show(values)}
              onKeepTheirs={() => {
                setConflict(null);
                setEditing(false);
                router.refresh();
              }}
              onUseMine={() => void save(conflict.version)}
            />
          )}
        </td>
      ) : (
        <>
          <th scope="row">{skill.name}</th>
          <td>{skill.category}</td>
          <td>{skill.description}</td>
          <td>{t("usageCount", { ratings: skill.ratingCount, requirements: skill.requirementCount })}</td>
        </>
      )}
      {canEdit && (
        <td className="row-actions">
          {!editing && (
            <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
              {t("edit", { name: skill.name })}
            </button>
          )}
          <button type="button" className="button-danger" onClick={() => void remove()}>
            {t("remove", { name: skill.name })}
          </button>
        </td>
      )}
    </tr>
  );
}

export function SkillCatalog({ skills, canEdit }: { skills: SkillView[]; canEdit: boolean }) {
  const t = useTranslations("teams");
  const router = useRouter();
  const { state, track } = useSaveTracker();
  const [values, setValues] = useState<Fields>({ name: "", category: "", description: "" });
  const [errors, setErrors] = useState<FieldErrors>({});

  async function add(e: FormEvent) {
    e.preventDefault();
    const parsed = createSkillSchema.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    const r = await track(() => createSkillAction(parsed.data));
    if (r.ok) {
      setValues({ name: "", category: "", description: "" });
      router.refresh();
    } else if (r.fieldErrors) setErrors(r.fieldErrors);
  }

  return (
    <>
      {skills.length === 0 ? (
        <p className="empty-state">{t("skills.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="skill-catalog">
            <thead>
              <tr>
                <th scope="col">{t("fields.name")}</th>
                <th scope="col">{t("fields.category")}</th>
                <th scope="col">{t("fields.description")}</th>
                <th scope="col">{t("skills.usage")}</th>
                {canEdit && <th scope="col">{t("skills.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {skills.map((s) => (
                <SkillRow key={`${s.id}:${s.version}`} skill={s} canEdit={canEdit} track={track} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <section aria-labelledby="add-skill-title" className="add-skill">
          <h2 id="add-skill-title">{t("skills.add")}</h2>
          <form onSubmit={add} className="inline-form" noValidate>
            <SkillFields values={values} onChange={setValues} errors={errors} />
            <button type="submit" className="button-primary">
              {t("skills.addButton")}
            </button>
          </form>
        </section>
      )}
      {canEdit && <SaveStatus state={state} />}
    </>
  );
}
