"use client";
// One pairwise question's answer row on Saaty's scale, from "A extremely" (9) through equal (1) to "B extremely"
// (1/9): radio buttons, each with its answer in words for screen readers. Shared by the criteria wizard and the
// candidate comparison.

/** Saaty intensities offered, from "A extremely more" (9) to "B extremely more" (1/9). */
export const SAATY_SCALE = [9, 8, 7, 6, 5, 4, 3, 2, 1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9];

export function SaatyScale(props: {
  /** The radio group's name, unique on the page. */
  name: string;
  /** The current answer (A over B), or undefined when unanswered. */
  value: number | undefined;
  onPick: (value: number) => void;
  /** Labels above the two ends ("Kafka better"). */
  endA: string;
  endB: string;
  equal: string;
  /** The answer in words, read out for each option. */
  words: (value: number) => string;
  disabled?: boolean;
}) {
  return (
    <>
      <div className="scale-ends" aria-hidden="true">
        <span>{props.endA}</span>
        <span>{props.endB}</span>
      </div>
      <div className="saaty-scale">
        {SAATY_SCALE.map((v) => {
          const k = v >= 1 ? v : Math.round(1 / v);
          const id = `${props.name}-${v.toFixed(4)}`;
          return (
            <label key={id} className={v === 1 ? "saaty-option equal" : "saaty-option"}>
              <input
                type="radio"
                name={props.name}
                checked={props.value !== undefined && Math.abs(Math.log(props.value / v)) < 1e-6}
                onChange={() => props.onPick(v)}
                disabled={props.disabled}
              />
              <span aria-hidden="true">{v === 1 ? props.equal : k}</span>
              <span className="visually-hidden">{props.words(v)}</span>
            </label>
          );
        })}
      </div>
    </>
  );
}
