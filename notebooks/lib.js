module.exports = require("../lib/tools/lib-build.cjs").load();
