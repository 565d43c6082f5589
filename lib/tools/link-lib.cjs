#!/usr/bin/env node
// postinstall: makes sure notebooks/lib leads to ../lib, which the notebooks import ("./lib").
// git stores it as a symlink; a Windows checkout without symlink support writes a small text file
// instead, and some tools drop the link. Repairs those cases; a working link or folder is left alone.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const target = path.join(root, "lib");
const link = path.join(root, "notebooks", "lib");

function state() {
  let entry;
  try {
    entry = fs.lstatSync(link);
  } catch {
    return "missing";
  }
  if (entry.isDirectory()) return "ok";
  if (entry.isSymbolicLink()) {
    try {
      return fs.statSync(link).isDirectory() ? "ok" : "broken";
    } catch {
      return "broken";
    }
  }
  return "file";
}

const found = state();
if (found !== "ok" && fs.existsSync(path.join(root, "notebooks"))) {
  if (found !== "missing") fs.rmSync(link, { force: true });
  // A junction needs no admin rights on Windows (and takes an absolute target); elsewhere a relative
  // link keeps working if the folder is moved.
  if (process.platform === "win32") fs.symlinkSync(target, link, "junction");
  else fs.symlinkSync(path.join("..", "lib"), link, "dir");
  console.log(`notebooks/lib was ${found === "file" ? "a plain file" : found}; linked it to ${target}`);
}
