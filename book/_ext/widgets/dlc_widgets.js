/* The book's interactive figures: shared helpers (book/_ext/book_widgets.py).
 *
 * Plain JavaScript, no library, nothing fetched. Each widget's script calls
 * DLC.register(name, factory); every <div class="dlc-widget"
 * data-widget="name"> on the page is then built by factory(root, data),
 * where data is the JSON the directive embedded (or null). What the factory
 * returns is window.dlcWidgets[name] (for the first figure of that name):
 * the tests read its state() and compare it with the dlcourse package.
 */
(function () {
  "use strict";
  const DLC = (window.DLC = window.DLC || {});
  const factories = {};
  window.dlcWidgets = window.dlcWidgets || {};
  let counter = 0;

  DLC.uid = function (prefix) {
    counter += 1;
    return "dlc-" + prefix + "-" + counter;
  };

  /* An HTML element: DLC.el("p", {class: "x"}, ["text", child]). */
  DLC.el = function (tag, attrs, children) {
    const node = document.createElement(tag);
    setAll(node, attrs, children);
    return node;
  };

  /* An SVG element, same arguments. */
  DLC.svg = function (tag, attrs, children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    setAll(node, attrs, children);
    return node;
  };

  function setAll(node, attrs, children) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(key, value);
    }
    for (const child of children || []) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  /* A number as the figure prints it: a true minus sign, fixed decimals. */
  DLC.fmt = function (value, digits) {
    if (!Number.isFinite(value)) return String(value);
    const text = value.toFixed(digits === undefined ? 4 : digits);
    return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text.replace("-", "\u2212");
  };

  /* A labelled range input with its value shown in an <output>. */
  DLC.slider = function (parent, opts) {
    const id = DLC.uid("range");
    const format = opts.format || ((v) => DLC.fmt(v, 1));
    const input = DLC.el("input", {
      type: "range", id: id, min: opts.min, max: opts.max, step: opts.step, value: opts.value,
      name: opts.name || null,
    });
    const output = DLC.el("output", {for: id, class: "dlc-value"});
    const row = DLC.el("div", {class: "dlc-control dlc-slider"}, [
      DLC.el("label", {for: id}, [opts.label]), input, output,
    ]);
    const show = function () {
      const text = format(Number(input.value));
      output.textContent = text;
      input.setAttribute("aria-valuetext", text);
    };
    DLC.onChange(input, show);
    show();
    parent.append(row);
    return {input: input, output: output, show: show,
            get value() { return Number(input.value); }};
  };

  /* A labelled <select>; options are [value, text] pairs. */
  DLC.select = function (parent, opts) {
    const id = DLC.uid("select");
    const select = DLC.el("select", {id: id, name: opts.name || null},
      opts.options.map(([value, text]) => DLC.el("option", {value: value}, [text])));
    select.value = opts.value;
    parent.append(DLC.el("div", {class: "dlc-control"}, [
      DLC.el("label", {for: id}, [opts.label]), select,
    ]));
    return select;
  };

  DLC.button = function (parent, text, attrs) {
    const button = DLC.el("button", Object.assign({type: "button", class: "dlc-button"}, attrs || {}),
      [text]);
    parent.append(button);
    return button;
  };

  /* Run handler on "input" and "change" (a <select> or a test may send either). */
  DLC.onChange = function (element, handler) {
    element.addEventListener("input", handler);
    element.addEventListener("change", handler);
  };

  /* The figure's colours, read from CSS (they follow the book's theme). */
  DLC.colors = function (root) {
    const style = getComputedStyle(root);
    const read = (name, fallback) => (style.getPropertyValue(name) || "").trim() || fallback;
    return {
      text: read("--dlc-text", "#222"),
      muted: read("--dlc-muted", "#666"),
      background: read("--dlc-background", "#fff"),
      grid: read("--dlc-grid", "#ccc"),
      a: read("--dlc-class-a", "#0072B2"),
      b: read("--dlc-class-b", "#D55E00"),
      accent: read("--dlc-accent", "#000"),
    };
  };

  /* Call redraw when the reader switches the book's light/dark theme. */
  DLC.onTheme = function (redraw) {
    new MutationObserver(redraw).observe(document.documentElement,
      {attributes: true, attributeFilter: ["data-theme", "data-mode"]});
    if (window.matchMedia) {
      const query = window.matchMedia("(prefers-color-scheme: dark)");
      if (query.addEventListener) query.addEventListener("change", redraw);
    }
  };

  /* Any CSS colour as [r, g, b]. */
  let probe = null;
  DLC.rgb = function (color) {
    if (!probe) probe = document.createElement("canvas").getContext("2d");
    probe.fillStyle = "#808080";
    probe.fillStyle = color;  // the browser writes any CSS colour as #rrggbb or rgba()
    color = String(probe.fillStyle);
    const hex = /^#([0-9a-f]{6})$/i.exec(color);
    if (hex) {
      const n = parseInt(hex[1], 16);
      return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    }
    const parts = /rgba?\(([^)]+)\)/.exec(color);
    if (parts) return parts[1].split(",").slice(0, 3).map((p) => Number(p.trim()));
    return [128, 128, 128];
  };

  /* A seeded pseudo-random generator (mulberry32): uniform numbers in [0, 1). */
  DLC.random = function (seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };

  /* Standard normal numbers from a uniform generator (Box-Muller). */
  DLC.normal = function (uniform) {
    return function () {
      const u = 1 - uniform();  // in (0, 1]: log(u) is finite
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
    };
  };

  function mount(root) {
    const name = root.dataset.widget;
    if (root.dataset.dlcMounted || !factories[name]) return;
    root.dataset.dlcMounted = "1";
    const script = root.querySelector("script.dlc-widget-data");
    const data = script ? JSON.parse(script.textContent) : null;
    const body = DLC.el("div", {class: "dlc-widget-body"});
    const caption = root.querySelector(".dlc-widget-caption");
    if (caption) caption.before(body); else root.append(body);
    const api = factories[name](body, data, root);
    if (api && !window.dlcWidgets[name]) window.dlcWidgets[name] = api;
  }

  function mountAll() {
    document.querySelectorAll(".dlc-widget[data-widget]").forEach(mount);
  }

  DLC.register = function (name, factory) {
    factories[name] = factory;
    if (document.readyState !== "loading") mountAll();
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
