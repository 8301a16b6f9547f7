// Reads arrays of a Zarr v3 store with zarrita.js (a second, independent Zarr implementation)
// and prints them as JSON, for the Java store tests to compare with what they wrote.
//
//   node read-zarr.mjs <store dir> [--consolidated] <array path>[:start:end] ...
//
// Prints {"<array path>": {"shape", "chunks", "dtype", "fill_value", "dimension_names",
// "data"}, "<group path>": {"attrs"}, ...}: data is the C-order flat list of the array (or of
// rows start..end of its first dimension), uint64/int64 as decimal strings, NaN and infinities as
// the strings "NaN", "Infinity", "-Infinity". With --consolidated the store is opened through
// the consolidated metadata in the root zarr.json, and "contents" lists the nodes it names.
import * as zarr from "zarrita";
import FileSystemStore from "@zarrita/storage/fs";

function value(v) {
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (v === Infinity) return "Infinity";
    if (v === -Infinity) return "-Infinity";
  }
  return v;
}

const args = process.argv.slice(2);
if (args.length < 1) {
  console.error("usage: node read-zarr.mjs <store dir> [--consolidated] <node path>[:start:end] ...");
  process.exit(2);
}
const consolidated = args.includes("--consolidated");
const paths = args.slice(1).filter((a) => a !== "--consolidated");
let store = new FileSystemStore(args[0]);
const out = {};
if (consolidated) {
  store = await zarr.withConsolidatedMetadata(store, { format: "v3" });
  out.contents = store.contents().map((c) => `${c.kind} ${c.path}`).sort();
}
const root = zarr.root(store);
for (const spec of paths) {
  const [path, start, end] = spec.split(":");
  const node = await zarr.open.v3(root.resolve(path));
  if (node.kind === "group") {
    out[spec] = { attrs: node.attrs };
    continue;
  }
  const selection = start === undefined ? null
    : [zarr.slice(Number(start), Number(end)), ...node.shape.slice(1).map(() => null)];
  const chunk = await zarr.get(node, selection);
  out[spec] = {
    shape: node.shape,
    chunks: node.chunks,
    dtype: node.dtype,
    fill_value: value(node.fillValue),
    attrs: node.attrs,
    data: Array.from(chunk.data, value),
  };
}
process.stdout.write(JSON.stringify(out));
