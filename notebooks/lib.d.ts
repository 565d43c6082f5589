export * from "../node_modules/.cache/course-lib/index";
