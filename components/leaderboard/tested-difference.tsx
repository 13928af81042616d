import type { ReactNode } from "react";
import { signed } from "./format";

/** The outcome of one tested difference between two audiences (lib/rating/compare), as a table shows it. */
export interface ShownTest {
  lower: number;
  upper: number;
  p: number;
  q: number;
  significant: boolean;
}

/** The values of a "testHint" message: the interval and the p- and q-values, formatted for a tooltip. */
export function testHintValues(test: ShownTest) {
  return { lower: signed(test.lower), upper: signed(test.upper), p: test.p.toPrecision(2), q: test.q.toPrecision(2) };
}

/**
 * A table cell with a tested audience difference: the signed difference (or "–" when untested), bold with a
 * star when it passes the test after false-discovery control, the interval and p/q in its title, and the
 * tone classes of a rise or a fall. Used by the comparison table and the model page's audiences.
 */
export function TestedDifferenceCell({
  difference,
  test,
  hint,
  significantLabel,
  tones,
  className,
  children,
}: {
  difference: number | null;
  test: ShownTest | null;
  /** The translated "testHint" of the test (see testHintValues), shown as the cell's title. */
  hint: string | undefined;
  /** The translated screen-reader text that follows the star. */
  significantLabel: string;
  tones: { up: string; down: string; none?: string };
  className: string;
  children?: ReactNode;
}) {
  const tone = difference === null ? (tones.none ?? "") : difference > 0 ? tones.up : difference < 0 ? tones.down : "";
  return (
    <td
      className={`${className} text-end tabular-nums ${test?.significant ? "font-semibold" : ""} ${tone}`}
      data-col="difference"
      data-significant={test?.significant ? "true" : undefined}
      title={hint}
    >
      {difference === null ? "–" : signed(difference)}
      {test?.significant && (
        <span>
          *<span className="sr-only">{significantLabel}</span>
        </span>
      )}
      {children}
    </td>
  );
}
