/* One neuron, live (chapter 1): z = w1 x1 + w2 x2 + b and a = activation(z),
 * as dlcourse.scratch.neuron computes them (tests/browser/test_widgets.py
 * checks to 1e-6), and the line z = 0 in the input plane. */
(function () {
  "use strict";
  const DLC = window.DLC;
  const ACTIVATIONS = {
    // dlcourse.scratch.activations: the same formulas.
    sigmoid: (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))),
    relu: (z) => Math.max(0, z),
    tanh: (z) => Math.tanh(z),
    linear: (z) => z,
  };
  const LIMIT = 3;          // the plane shows x1, x2 in [-3, 3]
  const SIZE = 300, PAD = 36, INNER = SIZE - PAD - 8;

  DLC.register("neuron", function (body, data, root) {
    const controls = DLC.el("div", {class: "dlc-controls"});
    body.append(controls);
    const slider = (name, label, value) => DLC.slider(controls, {
      name: name, label: label, min: -LIMIT, max: LIMIT, step: 0.1, value: value,
    });
    const sliders = {
      x1: slider("x1", "input x\u2081", 1.0),
      x2: slider("x2", "input x\u2082", -0.5),
      w1: slider("w1", "weight w\u2081", 0.8),
      w2: slider("w2", "weight w\u2082", 1.2),
      b: slider("b", "bias b", -0.4),
    };
    const activation = DLC.select(controls, {
      name: "activation", label: "activation \u03c6", value: "sigmoid",
      options: Object.keys(ACTIVATIONS).map((name) => [name, name]),
    });

    const plot = DLC.el("div", {class: "dlc-plot"});
    body.append(plot);
    const titleId = DLC.uid("title");
    const svg = DLC.svg("svg", {viewBox: `0 0 ${SIZE} ${SIZE}`, role: "img",
                                "aria-labelledby": titleId});
    const svgTitle = DLC.svg("title", {id: titleId});
    svg.append(svgTitle);
    plot.append(svg);
    plot.append(DLC.el("p", {class: "dlc-legend"}, [
      "Hatched: z > 0; plain: z < 0; solid line: z = 0 (the decision line); ",
      "ring: the input (x\u2081, x\u2082).",
    ]));

    const readout = DLC.el("div", {class: "dlc-readout", "aria-live": "polite"});
    const zLine = DLC.el("p", {"data-output": "z"});
    const aLine = DLC.el("p", {"data-output": "a"});
    const lineLine = DLC.el("p", {"data-output": "line"});
    readout.append(zLine, aLine, lineLine);
    body.append(readout);

    const px = (x) => PAD + ((x + LIMIT) / (2 * LIMIT)) * INNER;
    const py = (y) => 8 + ((LIMIT - y) / (2 * LIMIT)) * INNER;
    let current = null;

    function compute() {
      const v = {};
      for (const key of Object.keys(sliders)) v[key] = sliders[key].value;
      const name = activation.value;
      const z = v.w1 * v.x1 + v.w2 * v.x2 + v.b;
      return Object.assign(v, {activation: name, z: z, a: ACTIVATIONS[name](z)});
    }

    /* The square [-3, 3]^2 cut to the side where w . x + b >= 0. */
    function halfPlane(w1, w2, b) {
      const corners = [[-LIMIT, -LIMIT], [LIMIT, -LIMIT], [LIMIT, LIMIT], [-LIMIT, LIMIT]];
      const f = (p) => w1 * p[0] + w2 * p[1] + b;
      const out = [];
      for (let i = 0; i < 4; i++) {
        const p = corners[i], q = corners[(i + 1) % 4];
        const fp = f(p), fq = f(q);
        if (fp >= 0) out.push(p);
        if ((fp >= 0) !== (fq >= 0)) {
          const t = fp / (fp - fq);
          out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
        }
      }
      return out;
    }

    /* Where the line w . x + b = 0 crosses the square: two points or none. */
    function lineSegment(w1, w2, b) {
      if (w1 === 0 && w2 === 0) return null;
      const points = [];
      for (const s of [-LIMIT, LIMIT]) {
        if (w2 !== 0) {
          const y = -(w1 * s + b) / w2;
          if (y >= -LIMIT && y <= LIMIT) points.push([s, y]);
        }
        if (w1 !== 0) {
          const x = -(w2 * s + b) / w1;
          if (x >= -LIMIT && x <= LIMIT) points.push([x, s]);
        }
      }
      if (points.length < 2) return null;
      points.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      return [points[0], points[points.length - 1]];
    }

    function lineText(v) {
      const f = (x) => DLC.fmt(x, 2);
      if (v.w1 === 0 && v.w2 === 0) {
        return `No decision line: with both weights 0, z = b = ${f(v.b)} for every input.`;
      }
      if (v.w2 === 0) return `Decision line: the vertical line x\u2081 = \u2212b / w\u2081 = ${f(-v.b / v.w1)}.`;
      if (v.w1 === 0) return `Decision line: the horizontal line x\u2082 = \u2212b / w\u2082 = ${f(-v.b / v.w2)}.`;
      return `Decision line: x\u2082 = \u2212(w\u2081 x\u2081 + b) / w\u2082, slope ${f(-v.w1 / v.w2)}, `
        + `crossing x\u2082 at ${f(-v.b / v.w2)}.`;
    }

    function draw() {
      const v = current;
      const colors = DLC.colors(root);
      svg.replaceChildren(svgTitle);
      const patternId = titleId + "-hatch";
      const defs = DLC.svg("defs", {}, [
        DLC.svg("pattern", {id: patternId, width: 8, height: 8, patternUnits: "userSpaceOnUse",
                            patternTransform: "rotate(45)"}, [
          DLC.svg("rect", {width: 8, height: 8, fill: colors.b, "fill-opacity": 0.16}),
          DLC.svg("line", {x1: 0, y1: 0, x2: 0, y2: 8, stroke: colors.b, "stroke-width": 2.5,
                           "stroke-opacity": 0.55}),
        ]),
      ]);
      svg.append(defs);
      // The z < 0 side, then the z > 0 side over it.
      svg.append(DLC.svg("rect", {x: px(-LIMIT), y: py(LIMIT), width: INNER, height: INNER,
                                  fill: colors.a, "fill-opacity": 0.14, stroke: colors.grid}));
      const positive = halfPlane(v.w1, v.w2, v.b);
      if (positive.length >= 3) {
        svg.append(DLC.svg("polygon", {
          points: positive.map((p) => `${px(p[0])},${py(p[1])}`).join(" "),
          fill: `url(#${patternId})`,
        }));
      }
      for (let t = -LIMIT; t <= LIMIT; t++) {
        svg.append(DLC.svg("line", {x1: px(t), y1: py(-LIMIT), x2: px(t), y2: py(LIMIT),
                                    stroke: colors.grid, "stroke-width": t === 0 ? 1.2 : 0.5}));
        svg.append(DLC.svg("line", {x1: px(-LIMIT), y1: py(t), x2: px(LIMIT), y2: py(t),
                                    stroke: colors.grid, "stroke-width": t === 0 ? 1.2 : 0.5}));
        svg.append(DLC.svg("text", {x: px(t), y: py(-LIMIT) + 13, "text-anchor": "middle",
                                    "font-size": 10, fill: colors.muted}, [DLC.fmt(t, 0)]));
        svg.append(DLC.svg("text", {x: px(-LIMIT) - 5, y: py(t) + 3.5, "text-anchor": "end",
                                    "font-size": 10, fill: colors.muted}, [DLC.fmt(t, 0)]));
      }
      svg.append(DLC.svg("text", {x: px(LIMIT), y: py(-LIMIT) + 26, "text-anchor": "end",
                                  "font-size": 11, fill: colors.text}, ["x\u2081 \u2192"]));
      svg.append(DLC.svg("text", {x: 10, y: py(LIMIT) + 4, "font-size": 11, fill: colors.text,
                                  transform: `rotate(-90 10 ${py(LIMIT) + 4})`,
                                  "text-anchor": "end"}, ["x\u2082 \u2192"]));
      const segment = lineSegment(v.w1, v.w2, v.b);
      if (segment) {
        svg.append(DLC.svg("line", {x1: px(segment[0][0]), y1: py(segment[0][1]),
                                    x2: px(segment[1][0]), y2: py(segment[1][1]),
                                    stroke: colors.text, "stroke-width": 2.5,
                                    "data-role": "decision-line"}));
      }
      svg.append(DLC.svg("circle", {cx: px(v.x1), cy: py(v.x2), r: 6.5, fill: "none",
                                    stroke: colors.text, "stroke-width": 2.5}));
      svg.append(DLC.svg("circle", {cx: px(v.x1), cy: py(v.x2), r: 2, fill: colors.text}));
      svgTitle.textContent = "The input plane, x\u2081 across and x\u2082 up, from \u22123 to 3. "
        + lineText(v) + ` The input (${DLC.fmt(v.x1, 1)}, ${DLC.fmt(v.x2, 1)}) is on the `
        + (v.z > 0 ? "z > 0" : v.z < 0 ? "z < 0" : "z = 0") + " side.";
    }

    function update() {
      current = compute();
      const v = current, f1 = (x) => DLC.fmt(x, 1);
      zLine.textContent = `z = w\u2081x\u2081 + w\u2082x\u2082 + b = ${f1(v.w1)} \u00d7 ${f1(v.x1)}`
        + ` + ${f1(v.w2)} \u00d7 ${f1(v.x2)} + ${f1(v.b)} = ${DLC.fmt(v.z, 4)}`;
      aLine.textContent = `output a = ${v.activation}(z) = ${DLC.fmt(v.a, 4)}`;
      lineLine.textContent = lineText(v);
      draw();
    }

    for (const s of Object.values(sliders)) DLC.onChange(s.input, update);
    DLC.onChange(activation, update);
    DLC.onTheme(() => current && draw());
    update();

    return {
      /* What the figure computes now, unrounded. */
      state: () => Object.assign({}, current),
      update: update,
    };
  });
})();
