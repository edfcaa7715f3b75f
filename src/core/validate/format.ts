/** Figures in messages as a committee paper prints them: grouped thousands, shown decimals. */
import { Decimal, roundHalfAway } from "../decimal";

export function formatFigure(value: Decimal, decimals: number): string {
  const places = Math.max(0, decimals);
  const text = roundHalfAway(value, places).toFixed(places);
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.slice(1) : text).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return negative && !/^[0.,]+$/.test(body) ? `-${body}` : body;
}
