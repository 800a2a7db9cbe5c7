"use client";
// How a METRIC criterion's raw values become points: linear between the reference values (fixed at the first measured
// range by default) or a value curve through points the user sets, starting from a preset. The chart and the list
// under it show every measured candidate on the curve as it is typed, so the effect of a point is seen before saving.
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import {
  checkValueCurve,
  diminishingCurve,
  linearCurve,
  metricReference,
  metricScale,
  thresholdCurve,
  MAX_CURVE_POINTS,
  type CurvePoint,
  type Direction,
} from "@/lib/scoring";
import { curveFromText } from "@/lib/validation/value-curve";
import { formatPoints, formatRaw } from "@/components/decisions/number-format";
import { ConflictBox, useSetupErrorText } from "./field-controls";
import type { Conflict } from "./use-versioned-rows";

const CurveChart = dynamic(() => import("./curve-chart"), { ssr: false, loading: () => null });

export interface CurveFact {
  name: string;
  value: number;
}

type Preset = "linear" | "threshold" | "diminishing";

export function ValueCurveEditor(props: {
  direction: Direction;
  unit: string | null;
  worst: number | null;
  best: number | null;
  /** The stored curve's text ("" for none). */
  curveText: string;
  autoReferences: boolean;
  facts: CurveFact[];
  error?: string;
  conflict?: Conflict;
  onResolve?: (choice: "theirs" | "mine") => void;
  onCurve: (text: string) => void;
  onAutoReferences: (on: boolean) => void;
}) {
  const t = useTranslations("setup.curve");
  const f = useFormatter();
  const errorText = useSetupErrorText();
  const id = useId();
  const saved = curveFromText(props.curveText);
  const [rows, setRows] = useState<[string, string][]>(() => toRows(saved));
  const [localError, setLocalError] = useState<string | null>(null);
  const committed = useRef(props.curveText);
  // A save elsewhere (a conflict resolved, a preset) replaces the rows; the user's own commits are already in them.
  useEffect(() => {
    if (props.curveText !== committed.current) {
      committed.current = props.curveText;
      setRows(toRows(curveFromText(props.curveText)));
    }
  }, [props.curveText]);

  const commit = (next: [string, string][]) => {
    const pairs = next.map(([x, s]) => [Number(x), Number(s)] as const);
    if (next.some(([x, s]) => x.trim() === "" || s.trim() === "") || pairs.some((p) => !p.every(Number.isFinite))) {
      setLocalError("notANumber");
      return;
    }
    setLocalError(null);
    const text = JSON.stringify(pairs);
    committed.current = text;
    props.onCurve(text);
  };

  const values = props.facts.map((x) => x.value);
  // The range presets start from: the references, else the curve's ends, else what was measured, else 0–100.
  const range = (): { worst: number; best: number } => {
    // As the engine reads them: references fixed automatically follow the direction.
    const stated = metricReference(
      { direction: props.direction, worst: props.worst, best: props.best, autoReferences: props.autoReferences },
      [],
    );
    if (props.worst !== null && props.best !== null && stated) return stated;
    if (saved) {
      const lo = saved[0][0];
      const hi = saved[saved.length - 1][0];
      if (lo !== hi) return props.direction === "COST" ? { worst: hi, best: lo } : { worst: lo, best: hi };
    }
    const observed = metricReference({ direction: props.direction }, values);
    if (observed && observed.worst !== observed.best) return observed;
    return props.direction === "COST" ? { worst: 100, best: 0 } : { worst: 0, best: 100 };
  };
  const apply = (preset: Preset) => {
    const { worst, best } = range();
    const curve =
      preset === "linear"
        ? linearCurve(worst, best)
        : preset === "threshold"
          ? thresholdCurve((worst + best) / 2, props.direction)
          : diminishingCurve(worst, best);
    const next = toRows(curve);
    setRows(next);
    commit(next);
  };

  // What the chart and the list show: the rows as typed when they make a valid curve, else the stored one.
  const typed = rows.map(([x, s]) => [Number(x), Number(s)] as CurvePoint);
  const live =
    saved && rows.length > 0 && checkValueCurve(typed, props.direction) === null ? typed : saved ? saved : null;
  const scale = metricScale(
    {
      direction: props.direction,
      worst: props.worst,
      best: props.best,
      valueCurve: live,
      autoReferences: props.autoReferences,
    },
    values,
  );
  const unit = props.unit ? ` ${props.unit}` : "";
  const show = (v: number) => `${formatRaw(f, v)}${unit}`;
  const ref = scale.reference;
  const outside = (v: number) =>
    ref !== null &&
    (v < Math.min(ref.worst, ref.best) || v > Math.max(ref.worst, ref.best)) &&
    (live !== null || (props.worst !== null && props.best !== null));

  const chart = chartData(live, ref, values);
  const pending = !saved && props.worst === null && props.best === null;
  const error = localError ?? props.error;

  return (
    <fieldset className="value-curve" data-testid="value-curve">
      <legend>{t("title")}</legend>
      <div role="radiogroup" aria-label={t("mode")} className="curve-modes">
        <label>
          <input type="radio" name={`${id}-mode`} checked={!saved} onChange={() => props.onCurve("")} /> {t("linear")}
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={!!saved} onChange={() => apply("linear")} /> {t("custom")}
        </label>
      </div>
      {pending ? (
        <label className="curve-auto">
          <input
            type="checkbox"
            checked={props.autoReferences}
            onChange={(e) => props.onAutoReferences(e.target.checked)}
          />{" "}
          {t("autoReferences")}
          <span className="hint">{props.autoReferences ? t("autoOn") : t("autoOff")}</span>
        </label>
      ) : !saved ? (
        <p className="hint">
          {t("fixedHint")}
          {props.autoReferences && ref && ref.worst !== props.worst ? (
            <> {t("followsDirection", { worst: show(ref.worst), best: show(ref.best) })}</>
          ) : null}
        </p>
      ) : null}
      <div className="curve-body">
        {saved ? (
          <div>
            <div className="curve-presets" role="group" aria-label={t("presets")}>
              <span>{t("presets")}</span>
              {(["linear", "threshold", "diminishing"] as const).map((p) => (
                <button key={p} type="button" onClick={() => apply(p)} data-testid={`curve-preset-${p}`}>
                  {t(`preset.${p}`)}
                </button>
              ))}
            </div>
            <table className="data-table curve-points" data-testid="curve-points">
              <caption className="visually-hidden">{t("pointsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("raw", { unit: props.unit ?? "" })}</th>
                  <th scope="col">{t("points")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("remove")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([x, s], i) => (
                  <tr key={i}>
                    {([0, 1] as const).map((k) => (
                      <td key={k}>
                        <input
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          aria-label={t(k === 0 ? "rawOf" : "pointsOf", { n: i + 1 })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          value={k === 0 ? x : s}
                          onChange={(e) =>
                            setRows((all) =>
                              all.map((r, j) =>
                                j === i ? (k === 0 ? [e.target.value, r[1]] : [r[0], e.target.value]) : r,
                              ),
                            )
                          }
                          onBlur={() => commit(rows)}
                          onKeyDown={(e) => {
                            if (e.key === "Enter") {
                              e.preventDefault();
                              commit(rows);
                            }
                          }}
                        />
                      </td>
                    ))}
                    <td>
                      <button
                        type="button"
                        disabled={rows.length <= 2}
                        aria-label={t("removeOf", { n: i + 1 })}
                        onClick={() => {
                          const next = rows.filter((_, j) => j !== i);
                          setRows(next);
                          commit(next);
                        }}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              disabled={rows.length >= MAX_CURVE_POINTS}
              onClick={() => {
                const last = rows[rows.length - 1];
                setRows([...rows, [last ? last[0] : "", last ? last[1] : ""]]);
              }}
            >
              {t("addPoint")}
            </button>
            <p className="hint">{t("curveHint")}</p>
          </div>
        ) : null}
        <div>
          {error ? (
            <p id={`${id}-error`} className="field-error" data-testid="field-error" role="alert">
              {errorText(error)}
            </p>
          ) : null}
          {props.conflict && props.onResolve ? (
            <ConflictBox id={`${id}-conflict`} conflict={props.conflict} onResolve={props.onResolve} />
          ) : null}
          {chart ? (
            <div className="curve-chart" aria-hidden="true">
              <CurveChart
                line={chart.line}
                dots={chart.dots(props.facts, scale.toPoints)}
                domain={chart.domain}
                ticks={chart.ticks}
                xLabel={props.unit ?? ""}
                height={220}
              />
            </div>
          ) : null}
          {props.facts.length > 0 ? (
            <ul className="curve-candidates" data-testid="curve-candidates" aria-label={t("candidates")}>
              {props.facts.map((x) => (
                <li key={x.name}>
                  {t("candidatePoints", {
                    name: x.name,
                    value: show(x.value),
                    points: formatPoints(f, scale.toPoints(x.value)),
                  })}
                  {outside(x.value) ? <span className="sub"> {t("clamped")}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </fieldset>
  );
}

function toRows(curve: readonly CurvePoint[] | null): [string, string][] {
  return (curve ?? []).map(([x, s]) => [String(x), String(s)]);
}

/** The curve extended flat to a domain that holds it and every measured value; null when there is nothing to draw. */
function chartData(curve: readonly CurvePoint[] | null, ref: { worst: number; best: number } | null, values: number[]) {
  const knots: CurvePoint[] = curve
    ? [...curve]
    : ref && ref.worst !== ref.best
      ? linearCurve(ref.worst, ref.best)
      : [];
  if (knots.length === 0) return null;
  const xs = [...knots.map((k) => k[0]), ...values];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  // Round tick steps (1, 2 or 5 × 10ⁿ, about five of them) with a margin, so the flat ends of the curve show.
  const span = hi > lo ? hi - lo : Math.max(Math.abs(hi), 1);
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const first = Math.floor((lo - step / 2) / step) * step;
  const last = Math.ceil((hi + step / 2) / step) * step;
  const ticks = Array.from(
    { length: Math.round((last - first) / step) + 1 },
    (_, i) => +(first + i * step).toPrecision(12),
  );
  const domain: [number, number] = [first, last];
  const line = [
    { x: domain[0], points: knots[0][1] },
    ...knots.map(([x, points]) => ({ x, points })),
    { x: domain[1], points: knots[knots.length - 1][1] },
  ];
  return {
    line,
    domain,
    ticks,
    dots: (facts: CurveFact[], toPoints: (x: number) => number) =>
      facts.map((x) => ({ name: x.name, x: x.value, points: toPoints(x.value) })),
  };
}
