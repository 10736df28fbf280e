/* A 3x3 kernel over a real 8x8 digit (chapter 4), as dlcourse.scratch.conv2d
 * computes it: cross-correlation (the kernel is not flipped), the window of
 * output pixel (i, j) has its top-left corner at (i * stride, j * stride) of
 * the padded image, and padding="same" pads as TensorFlow does, the odd row
 * or column at the bottom and right. tests/browser/test_widgets.py checks
 * the feature map against conv2d to 1e-6. The digits are sklearn's
 * (book/_ext/widgets/conv.json, embedded in the page by the directive). */
(function () {
  "use strict";
  const DLC = window.DLC;
  const KERNELS = {
    blur: {text: "blur (average of 3 \u00d7 3)",
           rows: [["1/9", "1/9", "1/9"], ["1/9", "1/9", "1/9"], ["1/9", "1/9", "1/9"]]},
    sobel_x: {text: "Sobel x (vertical edges)", rows: [["-1", "0", "1"], ["-2", "0", "2"], ["-1", "0", "1"]]},
    sobel_y: {text: "Sobel y (horizontal edges)", rows: [["-1", "-2", "-1"], ["0", "0", "0"], ["1", "2", "1"]]},
    sharpen: {text: "sharpen", rows: [["0", "-1", "0"], ["-1", "5", "-1"], ["0", "-1", "0"]]},
  };
  const K = 3, CELL = 20;

  /* "0.5", "-2", "1/9": the number, or NaN. */
  function parseEntry(text) {
    const t = String(text).trim().replace("\u2212", "-");
    const fraction = /^([-+]?\d*\.?\d+)\s*\/\s*([-+]?\d*\.?\d+)$/.exec(t);
    if (fraction) return Number(fraction[1]) / Number(fraction[2]);
    return t === "" ? NaN : Number(t);
  }

  /* TensorFlow's 'same' padding along one axis (dlcourse.scratch.conv._same_padding). */
  function samePadding(size, kernel, stride) {
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + kernel - size, 0);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  }

  function conv2d(image, kernel, stride, padding) {
    const n = image.length;
    const [before, after] = padding === "same" ? samePadding(n, K, stride) : [0, 0];
    const size = n + before + after;
    const padded = [];
    for (let r = 0; r < size; r++) {
      const row = [];
      for (let c = 0; c < size; c++) {
        const i = r - before, j = c - before;
        row.push(i >= 0 && i < n && j >= 0 && j < n ? image[i][j] : 0);
      }
      padded.push(row);
    }
    const out = Math.floor((size - K) / stride) + 1;
    const map = [];
    for (let i = 0; i < out; i++) {
      const row = [];
      for (let j = 0; j < out; j++) {
        let sum = 0;
        for (let u = 0; u < K; u++) {
          for (let v = 0; v < K; v++) sum += kernel[u][v] * padded[i * stride + u][j * stride + v];
        }
        row.push(sum);
      }
      map.push(row);
    }
    return {map: map, padded: padded, pad: [before, after], out: out};
  }

  DLC.register("conv", function (body, data, root) {
    const scale = data.scale;
    const digits = data.digits.map((d) => ({
      label: d.label, index: d.index, image: d.pixels.map((row) => row.map((p) => p / scale)),
    }));
    const controls = DLC.el("div", {class: "dlc-controls"});
    body.append(controls);
    const digit = DLC.select(controls, {
      name: "digit", label: "digit", value: "0",
      options: digits.map((d, k) => [String(k), `a ${d.label} (sklearn digit no. ${d.index})`]),
    });
    const preset = DLC.select(controls, {
      name: "kernel", label: "kernel", value: "sobel_x",
      options: Object.entries(KERNELS).map(([key, k]) => [key, k.text]).concat([["custom", "your own"]]),
    });
    const fieldset = DLC.el("fieldset", {}, [DLC.el("legend", {}, ["kernel weights (e.g. 1, -0.5, 1/9)"])]);
    const grid = DLC.el("div", {class: "dlc-kernel-grid"});
    fieldset.append(grid);
    controls.append(fieldset);
    const entries = [];
    for (let u = 0; u < K; u++) {
      entries.push([]);
      for (let v = 0; v < K; v++) {
        const input = DLC.el("input", {type: "text", inputmode: "decimal", name: `k${u}${v}`,
                                       "aria-label": `kernel row ${u + 1}, column ${v + 1}`,
                                       size: 5, spellcheck: "false", autocomplete: "off"});
        grid.append(input);
        entries[u].push(input);
      }
    }
    const stride = DLC.select(controls, {name: "stride", label: "stride", value: "1",
                                         options: [["1", "1"], ["2", "2"]]});
    const padding = DLC.select(controls, {name: "padding", label: "padding", value: "valid",
                                          options: [["valid", "valid (none)"], ["same", "same (zeros)"]]});
    const position = DLC.slider(controls, {name: "position", label: "kernel position",
                                           min: 1, max: 36, step: 1, value: 1,
                                           format: (v) => DLC.fmt(v, 0)});

    const plots = [];
    for (const title of ["input (padded with zeros, dashed)", "feature map"]) {
      const plot = DLC.el("div", {class: "dlc-plot dlc-plot-small"});
      const titleId = DLC.uid("title");
      const svg = DLC.svg("svg", {role: "img", "aria-labelledby": titleId});
      const svgTitle = DLC.svg("title", {id: titleId});
      svg.append(svgTitle);
      plot.append(DLC.el("p", {class: "dlc-plot-title", "aria-hidden": "true"}, [title]), svg);
      body.append(plot);
      plots.push({svg: svg, title: svgTitle, box: plot});
    }
    const legend = DLC.el("p", {class: "dlc-legend"});
    plots[1].box.append(legend);
    const readout = DLC.el("div", {class: "dlc-readout", "aria-live": "polite"});
    const sizeLine = DLC.el("p", {"data-output": "size"});
    const padLine = DLC.el("p", {"data-output": "padding"});
    const positionLine = DLC.el("p", {"data-output": "position"});
    readout.append(sizeLine, padLine, positionLine);
    body.append(readout);

    let kernel = null, result = null;

    function setEntries(rows) {
      for (let u = 0; u < K; u++) for (let v = 0; v < K; v++) entries[u][v].value = rows[u][v];
    }

    function readKernel() {
      const rows = [];
      let ok = true;
      for (let u = 0; u < K; u++) {
        rows.push([]);
        for (let v = 0; v < K; v++) {
          const value = parseEntry(entries[u][v].value);
          const valid = Number.isFinite(value);
          entries[u][v].setAttribute("aria-invalid", valid ? "false" : "true");
          ok = ok && valid;
          rows[u].push(valid ? value : 0);
        }
      }
      return ok ? rows : null;
    }

    function grey(value) {  // pixel 0 (paper) white, 1 (ink) black
      const g = Math.round(255 * (1 - Math.min(1, Math.max(0, value))));
      return `rgb(${g},${g},${g})`;
    }

    function diverging(value, limit, colors) {  // 0 white, + class b, - class a
      const t = limit > 0 ? Math.min(1, Math.abs(value) / limit) : 0;
      const [r, g, b] = DLC.rgb(value >= 0 ? colors.b : colors.a);
      const mix = (c) => Math.round(255 + t * (c - 255));
      return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
    }

    function draw() {
      const colors = DLC.colors(root);
      const s = Number(stride.value);
      const size = result.padded.length, out = result.out, before = result.pad[0];
      const n = size - result.pad[0] - result.pad[1];
      const p = Number(position.input.value) - 1;
      const i = Math.floor(p / out), j = p % out;
      // The input, padded.
      const svgIn = plots[0].svg;
      svgIn.replaceChildren(plots[0].title);
      svgIn.setAttribute("viewBox", `-2 -2 ${size * CELL + 4} ${size * CELL + 4}`);
      for (let r = 0; r < size; r++) {
        for (let c = 0; c < size; c++) {
          const inside = r >= before && r < before + n && c >= before && c < before + n;
          svgIn.append(DLC.svg("rect", {
            x: c * CELL, y: r * CELL, width: CELL, height: CELL,
            fill: inside ? grey(result.padded[r][c]) : colors.background,
            stroke: colors.grid, "stroke-width": 0.6,
            "stroke-dasharray": inside ? null : "3 2",
          }));
        }
      }
      svgIn.append(DLC.svg("rect", {x: j * s * CELL, y: i * s * CELL, width: K * CELL, height: K * CELL,
                                    fill: "none", stroke: colors.background, "stroke-width": 5}));
      svgIn.append(DLC.svg("rect", {x: j * s * CELL, y: i * s * CELL, width: K * CELL, height: K * CELL,
                                    fill: "none", stroke: colors.b, "stroke-width": 3,
                                    "data-role": "window"}));
      // The feature map, at the same scale.
      let limit = 0;
      for (const row of result.map) for (const value of row) limit = Math.max(limit, Math.abs(value));
      const svgOut = plots[1].svg;
      svgOut.replaceChildren(plots[1].title);
      // Drawn at the input's scale: the map is as much smaller as it has fewer pixels.
      svgOut.setAttribute("viewBox", `-2 -2 ${out * CELL + 4} ${out * CELL + 4}`);
      svgOut.style.width = `${(100 * (out * CELL + 4)) / (size * CELL + 4)}%`;
      for (let r = 0; r < out; r++) {
        for (let c = 0; c < out; c++) {
          const cell = DLC.svg("rect", {x: c * CELL, y: r * CELL, width: CELL, height: CELL,
                                        fill: diverging(result.map[r][c], limit, colors),
                                        stroke: colors.grid, "stroke-width": 0.6});
          cell.addEventListener("click", () => {
            position.input.value = r * out + c + 1;
            position.input.dispatchEvent(new Event("input"));
          });
          svgOut.append(cell);
        }
      }
      svgOut.append(DLC.svg("rect", {x: j * CELL, y: i * CELL, width: CELL, height: CELL, fill: "none",
                                     stroke: colors.text, "stroke-width": 3}));
      plots[0].title.textContent = `The digit ${digits[Number(digit.value)].label}, ${n} \u00d7 ${n} pixels`
        + (size > n ? ` inside a border of zeros, ${size} \u00d7 ${size} in all` : "")
        + `; the kernel's window at row ${i * s + 1}, column ${j * s + 1}.`;
      plots[1].title.textContent = `The ${out} \u00d7 ${out} feature map; output pixel `
        + `(row ${i + 1}, column ${j + 1}) is marked.`;
      legend.replaceChildren(
        DLC.el("span", {class: "dlc-swatch", style: `background:${colors.b}`, "aria-hidden": "true"}),
        "above 0", DLC.el("span", {class: "dlc-swatch", style: `background:${colors.a}`, "aria-hidden": "true"}),
        "below 0", DLC.el("span", {class: "dlc-swatch", style: "background:#fff", "aria-hidden": "true"}),
        `0; strongest colour: \u00b1${DLC.fmt(limit, 2)}`);
    }

    function describe() {
      const s = Number(stride.value), out = result.out, n = digits[0].image.length;
      if (padding.value === "valid") {
        sizeLine.textContent = `Output size: n_out = \u230a(n \u2212 k) / s\u230b + 1 = `
          + `\u230a(${n} \u2212 ${K}) / ${s}\u230b + 1 = ${out}: a ${out} \u00d7 ${out} feature map.`;
        padLine.textContent = "No padding: the kernel stays inside the image.";
      } else {
        sizeLine.textContent = `Output size: n_out = \u2308n / s\u2309 = \u2308${n} / ${s}\u2309 = ${out}: `
          + `a ${out} \u00d7 ${out} feature map.`;
        const [before, after] = result.pad;
        padLine.textContent = before === after
          ? `Zero padding: ${before} row${before === 1 ? "" : "s"} and column${before === 1 ? "" : "s"} on every side.`
          : `Zero padding: ${before} row${before === 1 ? "" : "s"} above and ${after} below, ${before} `
            + `column${before === 1 ? "" : "s"} left and ${after} right (the odd one goes at the bottom `
            + "and right, as in TensorFlow).";
      }
      const p = Number(position.input.value) - 1;
      const i = Math.floor(p / out), j = p % out;
      positionLine.textContent = kernel === null
        ? "A kernel weight is not a number: type a number such as 0.5, -2 or 1/9."
        : `Output pixel (row ${i + 1}, column ${j + 1}) = sum of the kernel times the window at row `
          + `${i * s + 1}, column ${j * s + 1} of the ${padding.value === "same" ? "padded " : ""}input `
          + `= ${DLC.fmt(result.map[i][j], 4)}.`;
    }

    function update() {
      const read = readKernel();
      if (read !== null) kernel = read;
      if (kernel === null) return;
      const image = digits[Number(digit.value)].image;
      result = conv2d(image, kernel, Number(stride.value), padding.value);
      const positions = result.out * result.out;
      position.input.max = positions;
      if (Number(position.input.value) > positions) position.input.value = positions;
      position.show();
      describe();
      if (read === null) {
        positionLine.textContent = "A kernel weight is not a number: type a number such as 0.5, -2 or 1/9.";
      }
      draw();
    }

    DLC.onChange(preset, () => {
      if (KERNELS[preset.value]) setEntries(KERNELS[preset.value].rows);
      update();
    });
    for (const row of entries) {
      for (const input of row) {
        input.addEventListener("input", () => { preset.value = "custom"; update(); });
        input.addEventListener("change", update);
      }
    }
    for (const control of [digit, stride, padding, position.input]) DLC.onChange(control, update);
    DLC.onTheme(() => result && draw());
    setEntries(KERNELS[preset.value].rows);
    update();

    return {
      state: () => ({
        image: digits[Number(digit.value)].image.map((row) => row.slice()),
        label: digits[Number(digit.value)].label,
        index: digits[Number(digit.value)].index,
        kernel: kernel.map((row) => row.slice()),
        stride: Number(stride.value),
        padding: padding.value,
        pad: result.pad.slice(),
        size: result.out,
        output: result.map.map((row) => row.slice()),
      }),
      update: update,
    };
  });
})();
