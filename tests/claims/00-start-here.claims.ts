import { claimsFor } from "../../lib/tools/claims/define";

export default claimsFor("00-start-here.ipynb", (c) => {
  const index = (n: number) => c.given(`notebook ${n}`, n, "a notebook's number in the course");
  const [n00, n01, n06, n07, n10, n11, n12, n13] = [0, 1, 6, 7, 10, 11, 12, 13].map(index);
  c.cell("title", [n00]);
  c.cell("layout", [n01, n06, n07, n10, n11, n12, n13, n01, n13]);
  c.cell("figure-intro", [n11]);
  c.cell("next", [n01]);
});
