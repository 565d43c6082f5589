import { claimsFor } from "../../lib/tools/claims/define";

export default claimsFor("00-start-here.ipynb", (c) => {
  const index = (n: number) => c.given(`notebook ${n}`, n, "a notebook's number in the course");
  const [n00, n01, n04, n06, n07, n10, n11, n12, n13] = [0, 1, 4, 6, 7, 10, 11, 12, 13].map(index);
  const minutes = (n: number) => c.given(`${n} minutes`, n, "an estimated time to work through part of the course");
  const hours = (n: number) => c.given(`${n} hours`, n, "an estimated time to work through part of the course, in hours");
  const seed = c.given("seed", 7, "the seed of the first network's random numbers");
  c.cell("title", [n00, minutes(10)]);
  c.cell("layout", [n01, n06, hours(2), n07, n10, hours(2.5), n11, n12, hours(1.5), n13, minutes(40), n04, n06, n07, n01, n13]);
  c.cell("figure-intro", [
    n11,
    c.given("lowest weight", -1, "the low end of the range the starting weights are drawn from (uniformIn(-1, 1) in the cell below)"),
    c.given("highest weight", 1, "the high end of that range"),
    seed, seed, seed,
  ]);
  c.cell("exercises", [n01, c.given("double's example input", 3, "the example input of the practice exercise"), () => 2 * 3]);
  c.cell("next", [n01]);
});
