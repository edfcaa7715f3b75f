/** Children-looked-after arithmetic of SPEC §3, in Decimal: rates are per 10,000 children aged under 18. */
import { Decimal, roundHalfAway } from "./decimal";
import { FunctionError } from "./excel-errors";
import { exactRatio } from "./exact-ratio";
import { MESSAGES } from "./messages";
import { plainDecimals } from "./savings";

const PER = 10000;

function checkWithinPopulation(children: Decimal, population: Decimal, name: string): void {
  if (children.greaterThan(population)) {
    throw new FunctionError("#NUM!", MESSAGES.exceeds(name, children.toFixed(), "population", population.toFixed()));
  }
}

/** Children looked after per 10,000 children, rounded half away from zero when `decimals` is given. */
export function claRate(children: Decimal, population: Decimal, decimals: number | null): Decimal {
  if (population.isZero()) throw new FunctionError("#DIV/0!", MESSAGES.zero("population"));
  checkWithinPopulation(children, population, "children");
  const rate = children.times(PER).dividedBy(population);
  return decimals === null ? rate : roundHalfAway(rate, decimals);
}

/** CLA.RATE on plain numbers without Decimal, exactly; undefined when the checked path must answer. */
export function claRateOfNumbers(children: unknown, population: unknown, decimals: unknown): number | undefined {
  if (typeof children !== "number" || typeof population !== "number") return undefined;
  if (!(population > 0 && population <= 1e15 && children >= 0 && children <= population)) return undefined;
  const places = plainDecimals(decimals);
  return places === undefined ? undefined : exactRatio(children, population, 4, places);
}

/** The number of children a rate per 10,000 implies in a population. */
export function claChildren(rate: Decimal, population: Decimal): Decimal {
  return rate.times(population).dividedBy(PER);
}

/** Children fewer needed to reach `targetRate` (negative: already below it by that many). */
export function claReduction(children: Decimal, targetRate: Decimal, population: Decimal): Decimal {
  // A rate per 10,000 of no children at all means nothing, as in CLA.RATE.
  if (population.isZero()) throw new FunctionError("#DIV/0!", MESSAGES.zero("population"));
  checkWithinPopulation(children, population, "children");
  return children.minus(claChildren(targetRate, population));
}

/** Annual cost of placements: weekly cost × children × weeks. */
export function claCost(weeklyCost: Decimal, children: Decimal, weeks: Decimal): Decimal {
  return weeklyCost.times(children).times(weeks);
}

/** Annual saving from `childrenFewer` fewer children in care at `weeklyCost` each. */
export function claSaving(childrenFewer: Decimal, weeklyCost: Decimal, weeks: Decimal): Decimal {
  return claCost(weeklyCost, childrenFewer, weeks);
}
