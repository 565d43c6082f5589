// Builds the site's runtime into the folder named (a cache folder): run by siteRuntime() in a child
// process, because esbuild's plugins need its asynchronous API and the site build is synchronous.
import { buildInto } from "./build-runtime";

buildInto(process.argv[2]).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
