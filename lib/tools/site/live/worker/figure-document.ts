// The document Observable Plot draws into inside the page's kernel worker. A worker has no DOM, and a
// figure is HTML text that a cell gets back synchronously (lossCurve(...).html feeds panelRow, the live
// training views, the widgets' still pictures), so it cannot be drawn by the page and waited for.
// linkedom (a small DOM made for workers) builds the tree; the text comes from the HTML standard's
// serialisation algorithm below, which is what jsdom (the kernel's document in Jupyter) and every browser
// implement, so a figure made here is the same text as the same figure made in Jupyter. linkedom's own
// serialiser differs (attributes in reverse order, SVG elements self-closed, `a:b` styles), and its HTML
// parser lower-cases SVG element names such as clipPath; both are corrected here.
import { parseHTML } from "linkedom";

const svgNamespace = "http://www.w3.org/2000/svg";
const htmlNamespace = "http://www.w3.org/1999/xhtml";

/** Elements whose text is written as it is (HTML namespace only), from the HTML standard. */
const rawText = new Set(["style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext"]);
/** Elements that have no end tag (HTML namespace only). */
const voidElements = new Set([
  "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
]);
/** SVG element names with capitals, as the HTML parser restores them ("clippath" → "clipPath"). */
const svgNames = new Map(
  [
    "altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion", "animateTransform", "clipPath", "feBlend", "feColorMatrix",
    "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow",
    "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
    "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence", "foreignObject", "glyphRef", "linearGradient",
    "radialGradient", "textPath",
  ].map((name) => [name.toLowerCase(), name]),
);

interface Node {
  nodeType: number;
  childNodes: ArrayLike<Node>;
  parentNode: Node | null;
}
interface Element extends Node {
  localName: string;
  namespaceURI: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  content?: Node;
}
interface ElementMethods {
  getAttributeNode(name: string): object | null;
}
interface Text extends Node {
  data: string;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/"/g, "&quot;");

function nameOf(element: Element): string {
  if (element.namespaceURI === svgNamespace) return svgNames.get(element.localName.toLowerCase()) ?? element.localName;
  return element.localName;
}

/** A style attribute as the CSS object model writes it: "name: value;" pairs joined by spaces. */
function styleText(value: string): string {
  const parts = value
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(":");
      return colon < 0 ? part : `${part.slice(0, colon).trim()}: ${part.slice(colon + 1).trim()};`;
    });
  return parts.join(" ");
}

/**
 * When each attribute was added (linkedom keeps attributes that a script adds newest first, and those
 * its parser reads in document order, so the order is written down as they are added).
 */
const added = new WeakMap<object, number>();
let addedCount = 0;

/** The attributes in the order they were added: first those parsed with the element, then the rest. */
function attributesOf(element: Element): { name: string; value: string }[] {
  const list = Array.from(element.attributes).map((attribute, k) => ({ attribute, k, when: added.get(attribute) ?? -1 }));
  list.sort((a, b) => (a.when === b.when ? a.k - b.k : a.when - b.when));
  // An empty style is what linkedom leaves after removing a property that was never set; the CSS object
  // model adds no attribute then.
  return list.map((x) => x.attribute).filter((a) => !(a.name === "style" && a.value === ""));
}

/** The HTML standard's fragment serialisation of a node's children. */
export function serializeChildren(node: Node): string {
  const parent = node as Element;
  const children = parent.localName === "template" && parent.content ? parent.content.childNodes : node.childNodes;
  let out = "";
  for (let k = 0; k < children.length; k++) out += serializeNode(children[k], node);
  return out;
}

/** One node as HTML text. */
export function serializeNode(node: Node, parent: Node | null = node.parentNode): string {
  switch (node.nodeType) {
    case 1: {
      const element = node as Element;
      const name = nameOf(element);
      let out = `<${name}`;
      for (const { name: attribute, value } of attributesOf(element)) {
        out += ` ${attribute}="${escapeAttribute(attribute === "style" ? styleText(value) : value)}"`;
      }
      out += ">";
      const html = element.namespaceURI === htmlNamespace || element.namespaceURI === null;
      if (html && voidElements.has(element.localName)) return out;
      return `${out}${serializeChildren(element)}</${name}>`;
    }
    case 3: {
      const p = parent as Element | null;
      const raw = p && p.nodeType === 1 && (p.namespaceURI === htmlNamespace || p.namespaceURI === null) && rawText.has(p.localName);
      return raw ? (node as Text).data : escapeText((node as Text).data);
    }
    case 8:
      return `<!--${(node as Text).data}-->`;
    case 11:
      return serializeChildren(node);
    default:
      return "";
  }
}

let shared: unknown;

/** A document for Plot whose elements' outerHTML and innerHTML read as jsdom's and a browser's do. */
export function figureDocument(): unknown {
  if (shared) return shared;
  const { document } = parseHTML("<!doctype html><html><body></body></html>") as unknown as {
    document: { createElement(tag: string): object; createElementNS(ns: string, tag: string): object };
  };
  const patched = new Set<object>();
  for (const sample of [document.createElement("div"), document.createElement("figure"), document.createElementNS(svgNamespace, "svg"), document.createElementNS(svgNamespace, "g")]) {
    for (let proto = Object.getPrototypeOf(sample); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      if (patched.has(proto)) continue;
      patched.add(proto);
      for (const key of ["setAttribute", "setAttributeNS", "setAttributeNode", "setAttributeNodeNS"] as const) {
        const own = Object.getOwnPropertyDescriptor(proto, key);
        if (!own || typeof own.value !== "function") continue;
        const original = own.value as (this: ElementMethods, ...args: unknown[]) => unknown;
        Object.defineProperty(proto, key, {
          ...own,
          value(this: ElementMethods, ...args: unknown[]) {
            const name = key.endsWith("Node") || key.endsWith("NodeNS") ? (args[0] as { name: string }).name : String(args[key === "setAttributeNS" ? 1 : 0]);
            const before = this.getAttributeNode(name);
            const result = original.apply(this, args);
            const after = this.getAttributeNode(name);
            if (after && after !== before && !added.has(after)) added.set(after, ++addedCount);
            return result;
          },
        });
      }
      for (const key of ["outerHTML", "innerHTML"] as const) {
        const own = Object.getOwnPropertyDescriptor(proto, key);
        if (!own) continue;
        Object.defineProperty(proto, key, {
          configurable: true,
          enumerable: own.enumerable,
          get(this: Element) {
            return key === "outerHTML" ? serializeNode(this) : serializeChildren(this);
          },
          set: own.set,
        });
      }
    }
  }
  shared = document;
  return document;
}
